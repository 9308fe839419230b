import { useAction } from '../actions/use-action';
import { answer, api } from '../api/api-client';
import { idempotencyHeader } from '../api/idempotency-key';
import type { components } from '../api/schema';
import { calendarSettingsKey, lifecycleSettingsKey, meetingDueKey, meetingsKey, progressKey } from '../meetings/meetings.queries';

export type LifecycleSettings = components['schemas']['LifecycleSettingsDto'];
export type CalendarSettings = components['schemas']['CalendarSettingsDto'];

export const useSaveLifecycleSettings = (fiscalYear: number) =>
  useAction({
    act: (settings: LifecycleSettings, key) =>
      answer(api.PUT('/api/v1/fiscal-years/{fy}/lifecycle-settings', { params: { path: { fy: fiscalYear } }, body: settings, headers: idempotencyHeader(key) })),
    refreshes: [lifecycleSettingsKey(fiscalYear)],
  });

export const useSaveCalendarSettings = (fiscalYear: number) =>
  useAction({
    act: (settings: CalendarSettings, key) =>
      answer(api.PUT('/api/v1/fiscal-years/{fy}/calendar-settings', { params: { path: { fy: fiscalYear } }, body: settings, headers: idempotencyHeader(key) })),
    refreshes: [calendarSettingsKey(fiscalYear), meetingsKey(fiscalYear), meetingDueKey(fiscalYear), progressKey(fiscalYear), ['me', 'tasks']],
  });

/** 次年度の作成: the new year starts as a copy of this one's catalogue, calendar and settings. */
export const useCreateFiscalYear = (copyFrom: number, onDone: (created: components['schemas']['FiscalYearView']) => void) =>
  useAction({
    act: ({ fiscalYear }: { fiscalYear: number }, key) => answer(api.POST('/api/v1/fiscal-years', { body: { fiscalYear, copyFrom }, headers: idempotencyHeader(key) })),
    refreshes: [['fiscal-years']],
    onDone,
  });
