import { useQuery } from '@tanstack/react-query';
import { useAction } from '../actions/use-action';
import { answer, api } from '../api/api-client';
import { idempotencyHeader } from '../api/idempotency-key';
import type { components } from '../api/schema';

export type MeetingView = components['schemas']['MeetingView'];
export type MeetingChange = components['schemas']['ChangeMeetingRequest'];

export const meetingsKey = (fiscalYear: number) => ['fiscal-years', fiscalYear, 'meetings'] as const;
export const progressKey = (fiscalYear: number) => ['fiscal-years', fiscalYear, 'progress'] as const;
export const calendarSettingsKey = (fiscalYear: number) => ['fiscal-years', fiscalYear, 'calendar-settings'] as const;
export const lifecycleSettingsKey = (fiscalYear: number) => ['fiscal-years', fiscalYear, 'lifecycle-settings'] as const;

export const useCalendarSettings = (fiscalYear: number) =>
  useQuery({
    queryKey: calendarSettingsKey(fiscalYear),
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/calendar-settings', { params: { path: { fy: fiscalYear } } })),
  });

export const useLifecycleSettings = (fiscalYear: number) =>
  useQuery({
    queryKey: lifecycleSettingsKey(fiscalYear),
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/lifecycle-settings', { params: { path: { fy: fiscalYear } } })),
  });

export const meetingDueKey = (fiscalYear: number, meetingId?: string) => ['fiscal-years', fiscalYear, 'meeting-due', ...(meetingId ? [meetingId] : [])] as const;

/**
 * What falls due for a meeting. Moving a meeting re-plans the running analyses' deadlines a moment
 * after the API answers, so while `watching` the list is fetched again every few seconds to show that.
 */
export const useMeetingDue = (fiscalYear: number, meetingId: string, watching: boolean) =>
  useQuery({
    queryKey: meetingDueKey(fiscalYear, meetingId),
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/meetings/{id}/due', { params: { path: { fy: fiscalYear, id: meetingId } } })),
    refetchInterval: watching ? 1500 : false,
  });

/** 保存 of a meeting's date or agenda; the calendar, the open items and the staff's tasks move with it. */
export const useChangeMeeting = (fiscalYear: number, onDone: () => void) =>
  useAction({
    act: ({ id, change }: { id: string; change: MeetingChange }, key) =>
      answer(api.PATCH('/api/v1/fiscal-years/{fy}/meetings/{id}', { params: { path: { fy: fiscalYear, id } }, body: change, headers: idempotencyHeader(key) })),
    refreshes: [meetingsKey(fiscalYear), meetingDueKey(fiscalYear), progressKey(fiscalYear), ['me', 'tasks']],
    onDone,
  });
