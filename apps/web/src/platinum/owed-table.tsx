import { Link } from 'react-router';
import { paths } from '../routes/paths';
import { ShowAllButton, useFirstFew } from '../ui/first-few';
import { TEXT_LINK } from '../ui/link-styles';
import { DeadlineWithState, ProvisionalNote } from './deadline-labels';
import type { OwedItem } from './platinum.queries';
import { proposalName } from './proposal-name';

const HEAD = 'border-b-2 border-solid-gray-600 px-2 py-2 text-left align-bottom text-std-16B-170';
const CELL = 'border-b border-solid-gray-420 px-2 py-2 align-top';
/** Rows shown at first: a year of a few hundred proposals owes as many things. */
const ROWS_SHOWN = 20;

/** The earliest due first, so what is late or nearly so is at the top; what has no deadline comes last. */
const byDueDate = (a: OwedItem, b: OwedItem) => (a.deadline?.dueAt ?? '9999').localeCompare(b.deadline?.dueAt ?? '9999') || a.proposalId - b.proposalId;

/** 誰が何をいつまでに: what each open proposal waits for, from whom, and by when. */
export function OwedTable({ fiscalYear, items, caption, withProposal }: { fiscalYear: number; items: readonly OwedItem[]; caption: string; withProposal: boolean }) {
  const first = useFirstFew([...items].sort(byDueDate), ROWS_SHOWN);
  return (
    <>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={`${caption}（横にスクロールできます）`}>
        <table className="w-full min-w-[48rem] border-collapse text-std-16N-170">
          <caption className="sr-only">{caption}（期限の近い順）</caption>
          <thead>
            <tr>
              {withProposal && <th scope="col" className={HEAD}>提案</th>}
              <th scope="col" className={HEAD}>何を</th>
              <th scope="col" className={HEAD}>誰が</th>
              <th scope="col" className={HEAD}>いつまでに</th>
            </tr>
          </thead>
          <tbody>
            {first.shown.map((item) => (
              <tr key={`${item.proposalId}/${item.what}`} data-testid="owed-row">
                {withProposal && (
                  <td className={CELL}>
                    <Link to={paths.proposal(fiscalYear, item.proposalId)} className={TEXT_LINK}>
                      {proposalName(item.proposalId, item.proposalTitle)}
                    </Link>
                  </td>
                )}
                <td className={CELL}>{item.what}</td>
                <td className={CELL}>{item.who}</td>
                <td className={CELL}>
                  <DeadlineWithState deadline={item.deadline} />
                  {item.deadline && <span className="block text-solid-gray-700">{item.deadline.label}の期限</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowAllButton hidden={first.hidden} onShow={first.showAll}>
        残りの{first.hidden}件も表示
      </ShowAllButton>
      <ProvisionalNote deadlines={first.shown.map((item) => item.deadline)} />
    </>
  );
}
