import { fiscalYearLabel, Role } from '@app/domain';
import { useEffect } from 'react';
import { useMeetings } from '../home/home.queries';
import { useCalendarSettings, useLifecycleSettings } from '../meetings/meetings.queries';
import { useFiscalYearParam } from '../routing/fiscal-year-param';
import { RequireRole } from '../session/permission';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { CalendarSettingsForm } from './calendar-settings-form';
import { LifecycleSettingsForm } from './lifecycle-settings-form';
import { NextFiscalYearForm } from './next-fiscal-year-form';

/** 年度の設定: the reform office's settings of one fiscal year, and the next year made from it. */
export function SettingsPage() {
  const fiscalYear = useFiscalYearParam();
  useEffect(() => {
    document.title = '年度の設定｜市政変革 ワークフロー';
  }, []);
  return (
    <RequireRole role={Role.ReformOffice} roleLabel="市政変革室">
      {fiscalYear === undefined ? <p className="text-std-16N-170">年度の指定が正しくありません。</p> : <SettingsOfYear key={fiscalYear} fiscalYear={fiscalYear} />}
    </RequireRole>
  );
}

function SettingsOfYear({ fiscalYear }: { fiscalYear: number }) {
  const lifecycle = useLifecycleSettings(fiscalYear);
  const calendar = useCalendarSettings(fiscalYear);
  const meetings = useMeetings(fiscalYear);

  return (
    <>
      <h1 className="text-std-32B-150 text-solid-gray-900">年度の設定（{fiscalYearLabel(fiscalYear)}）</h1>
      <div className="mt-6 flex flex-col gap-8">
        {lifecycle.isPending && <Loading label="報告書と決裁経路の設定を読み込んでいます" />}
        {lifecycle.isError && <ErrorNotice error={lifecycle.error} onRetry={() => void lifecycle.refetch()} />}
        {lifecycle.data && <LifecycleSettingsForm fiscalYear={fiscalYear} settings={lifecycle.data} />}
        {(calendar.isPending || meetings.isPending) && <Loading label="期限と督促の設定を読み込んでいます" />}
        {calendar.isError && <ErrorNotice error={calendar.error} onRetry={() => void calendar.refetch()} />}
        {meetings.isError && <ErrorNotice error={meetings.error} onRetry={() => void meetings.refetch()} />}
        {calendar.data && meetings.data && <CalendarSettingsForm fiscalYear={fiscalYear} settings={calendar.data} meetings={meetings.data} reportKinds={lifecycle.data?.reportKinds ?? []} />}
        <NextFiscalYearForm fiscalYear={fiscalYear} />
      </div>
    </>
  );
}
