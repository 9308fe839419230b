import { Link } from 'react-router';
import { paths } from '../routes/paths';
import { TEXT_LINK } from '../ui/link-styles';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { DeadlineText } from './deadline-text';
import type { XPolicySummary } from './x-policies.queries';

const HEAD = 'border-b-2 border-solid-gray-600 px-2 py-2 text-left align-bottom text-std-16B-170';
const CELL = 'border-b border-solid-gray-420 px-2 py-2 align-top';

/** Every bureau, office and ward with where its X policy stands: one row each, the bureau's page behind its name. */
export function XPolicyTable({ fiscalYear, items }: { fiscalYear: number; items: readonly XPolicySummary[] }) {
  return (
    <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="局区X方針の一覧の表（横にスクロールできます）">
      <table className="w-full min-w-[64rem] border-collapse text-std-16N-170" aria-label="局区X方針の一覧">
        <thead>
          <tr>
            <th scope="col" className={HEAD}>局・区</th>
            <th scope="col" className={HEAD}>段階</th>
            <th scope="col" className={HEAD}>決裁待ち</th>
            <th scope="col" className={HEAD}>公表の期限</th>
            <th scope="col" className={HEAD}>公表日</th>
            <th scope="col" className={HEAD}>公表した内容</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.bureau.code} data-testid="x-policy-row" data-bureau={item.bureau.code}>
              <th scope="row" className={`${CELL} whitespace-nowrap text-left font-normal`}>
                <Link to={paths.xPolicy(fiscalYear, item.bureau.code)} className={TEXT_LINK}>
                  {item.bureau.name}
                </Link>
              </th>
              <td className={CELL}>
                <span className="flex flex-wrap items-center gap-2">
                  {item.phaseLabel}
                  {item.planStatus === 'RETURNED' && <StatusLabel tone="alert">差戻し</StatusLabel>}
                </span>
              </td>
              <td className={CELL}>
                <PendingText item={item} />
              </td>
              <td className={CELL}>{item.deadline ? <DeadlineText deadline={item.deadline} withMeeting={false} /> : <span className="text-solid-gray-700">{item.publishedAt ? '公表済み' : 'なし'}</span>}</td>
              <td className={`${CELL} whitespace-nowrap`}>{item.publishedAt ? <TokyoDateTime instant={item.publishedAt} /> : <span className="text-solid-gray-700">未公表</span>}</td>
              <td className={`${CELL} whitespace-nowrap`}>{item.publishedAt ? `課題 ${item.publishedIssueCount}件・進捗 ${item.publishedProgressCount}件` : <span className="text-solid-gray-700">なし</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Whose decision the plan, or a progress update, waits for. */
function PendingText({ item }: { item: XPolicySummary }) {
  if (!item.pendingStep && item.progressInApproval === 0) return <span className="text-solid-gray-700">なし</span>;
  return (
    <span className="flex flex-col whitespace-nowrap">
      {item.pendingStep && <span>課題と対応策：{item.pendingStep}</span>}
      {item.progressInApproval > 0 && <span>進捗 {item.progressInApproval}件：局長</span>}
    </span>
  );
}
