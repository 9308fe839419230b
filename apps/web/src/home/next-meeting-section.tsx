import { tokyoDate } from '@app/domain';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { StatusLabel } from '../ui/status-label';
import { fiscalYearToShow } from './current-fiscal-year';
import { useFiscalYears, useMeetings } from './home.queries';

export function NextMeetingSection() {
  const years = useFiscalYears();
  const fiscalYear = years.data ? fiscalYearToShow(years.data.map((year) => year.fiscalYear), new Date()) : undefined;
  const meetings = useMeetings(fiscalYear);
  const today = tokyoDate(new Date());
  const next = meetings.data?.find((meeting) => meeting.earliestDay >= today);
  const label = years.data?.find((year) => year.fiscalYear === fiscalYear)?.label;

  return (
    <section aria-labelledby="meeting-heading" className="rounded-8 border border-solid-gray-420 p-4">
      <h2 id="meeting-heading" className="text-std-20B-150 text-solid-gray-900">
        次のX会議{label ? `（${label}）` : ''}
      </h2>
      {(years.isPending || (fiscalYear !== undefined && meetings.isPending)) && <Loading label="X会議の日程を読み込んでいます" />}
      {years.isError && <ErrorNotice error={years.error} />}
      {meetings.isError && <ErrorNotice error={meetings.error} />}
      {years.data && fiscalYear === undefined && <p className="mt-2 text-std-16N-170">年度が登録されていません。</p>}
      {meetings.data && !next && <p className="mt-2 text-std-16N-170">今後予定されているX会議はありません。</p>}
      {next && (
        <div className="mt-2 text-std-16N-170">
          <p className="text-std-18B-160">{next.name}</p>
          <p className="flex flex-wrap items-center gap-2">
            <span>{next.dateLabel}</span>
            {next.provisional && <StatusLabel tone="caution">暫定</StatusLabel>}
          </p>
          <p>{next.agenda.length > 0 ? `議題：${next.agenda.length}件` : '議題はまだ登録されていません'}</p>
        </div>
      )}
    </section>
  );
}
