import { fiscalYearLabel, Role } from '@app/domain';
import { useEffect, useState } from 'react';
import { useOutletContext } from 'react-router';
import { useMeetings } from '../home/home.queries';
import { useFiscalYearParam } from '../routing/fiscal-year-param';
import { hasRole } from '../session/permission';
import type { Profile } from '../session/profile';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { CalendarFeedLink } from './calendar-feed-link';
import { MeetingCard } from './meeting-card';
import { useCalendarSettings, useLifecycleSettings } from './meetings.queries';

/** How long after a meeting moves the page keeps checking for the re-planned deadlines. */
const REPLAN_WATCH_MS = 30_000;

/** X会議: every meeting of the year with its date, agenda and what is due for it. */
export function MeetingsPage() {
  const fiscalYear = useFiscalYearParam();
  useEffect(() => {
    document.title = 'X会議｜市政変革 ワークフロー';
  }, []);
  if (fiscalYear === undefined) return <p className="text-std-16N-170">年度の指定が正しくありません。</p>;
  return <MeetingsOfYear fiscalYear={fiscalYear} />;
}

function MeetingsOfYear({ fiscalYear }: { fiscalYear: number }) {
  const profile = useOutletContext<Profile>();
  const canEdit = hasRole(profile, Role.ReformOffice);
  const [watchUntil, setWatchUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const watching = now < watchUntil;
  useEffect(() => {
    if (!watching) return;
    const timer = setTimeout(() => setNow(Date.now()), watchUntil - now);
    return () => clearTimeout(timer);
  }, [watching, watchUntil, now]);

  const meetings = useMeetings(fiscalYear);
  const settings = useCalendarSettings(fiscalYear);
  const lifecycle = useLifecycleSettings(fiscalYear);
  const reportKinds = lifecycle.data?.reportKinds ?? [];

  return (
    <>
      <h1 className="text-std-32B-150 text-solid-gray-900">X会議（{fiscalYearLabel(fiscalYear)}）</h1>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">
        会議の日程と議題、それぞれの会議に向けた報告書・決裁の期限です。{canEdit ? '日程を動かすと、基準にしている期限と督促も自動で計画し直されます。' : '日程と議題の変更は市政変革室が行います。'}
      </p>
      <CalendarFeedLink fiscalYear={fiscalYear} />
      {meetings.isPending && <Loading label="X会議の日程を読み込んでいます" />}
      {meetings.isError && <ErrorNotice error={meetings.error} onRetry={() => void meetings.refetch()} />}
      {settings.isError && <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />}
      {meetings.data && meetings.data.length === 0 && <p className="mt-6 text-std-16N-170">この年度のX会議はまだ登録されていません。</p>}
      {meetings.data && meetings.data.length > 0 && (
        <ul className="mt-6 flex flex-col gap-6" aria-label="X会議の一覧（日付順）">
          {meetings.data.map((meeting) => (
            <MeetingCard
              key={meeting.id}
              fiscalYear={fiscalYear}
              meeting={meeting}
              deadlines={settings.data?.deadlines ?? []}
              watching={watching}
              reportKinds={reportKinds}
              canEdit={canEdit}
              onSaved={() => {
                const at = Date.now();
                setNow(at);
                setWatchUntil(at + REPLAN_WATCH_MS);
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}
