import { useMeetings } from '../home/home.queries';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import type { ClusterDetail } from './cluster.queries';

/** 着手 and each report's deadline, with the X会議 it is for. */
export function DeadlinesSection({ detail }: { detail: ClusterDetail }) {
  const meetings = useMeetings(detail.fiscalYear);
  // The calendar has the meeting's date itself; until it answers, the deadline's own label stands in.
  const meetingDay = (meetingId: string, label: string) => {
    const meeting = meetings.data?.find((candidate) => candidate.id === meetingId);
    return meeting ? meeting.dateLabel : label;
  };
  return (
    <section aria-labelledby="deadlines-heading" className="mt-8">
      <h2 id="deadlines-heading" className="text-std-24B-150">
        期限
      </h2>
      {detail.deadlines.length === 0 ? (
        <p className="mt-2">期限はまだ決まっていません。</p>
      ) : (
        <table className="mt-2 w-full border-collapse text-left text-std-16N-170">
          <thead>
            <tr className="border-b-2 border-solid-gray-420">
              <th scope="col" className="py-2 pr-4">対象</th>
              <th scope="col" className="py-2 pr-4">期限</th>
              <th scope="col" className="py-2 pr-4">会議</th>
              <th scope="col" className="py-2">状態</th>
            </tr>
          </thead>
          <tbody>
            {detail.deadlines.map((deadline) => (
              <tr key={deadline.target} className="border-b border-solid-gray-420 align-top">
                <th scope="row" className="py-2 pr-4 font-normal">{deadline.label}</th>
                <td className="py-2 pr-4 whitespace-nowrap">
                  <TokyoDateTime instant={deadline.dueAt} />
                </td>
                <td className="py-2 pr-4">
                  {deadline.meetingName}
                  <span className="whitespace-nowrap">（{meetingDay(deadline.meetingId, deadline.meetingDateLabel)}）</span>
                </td>
                <td className="py-2">
                  <span className="flex flex-wrap gap-2">
                    {deadline.done && <StatusLabel tone="info">済み</StatusLabel>}
                    {deadline.provisional && <StatusLabel tone="caution">暫定</StatusLabel>}
                    {deadline.overdue && <StatusLabel tone="alert">期限超過</StatusLabel>}
                    {!deadline.done && !deadline.overdue && !deadline.provisional && <span>未了</span>}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail.deadlines.some((deadline) => deadline.provisional) && (
        <p className="mt-2 text-solid-gray-700">暫定：会議の日程が上旬・中旬・下旬までしか決まっていないため、その初日を基準にした期限です。</p>
      )}
    </section>
  );
}
