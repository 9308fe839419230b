import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { TEXT_LINK } from '../ui/link-styles';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { AnalysedLabel } from './analysed-label';
import { categoryName } from './category-name';
import type { ClusterSelection } from './cluster-selection';

type Row = components['schemas']['BoardRowView'];

const HEAD = 'border-b-2 border-solid-gray-600 px-2 py-2 text-left align-bottom text-std-16B-170';
const CELL = 'border-b border-solid-gray-420 px-2 py-2 align-top';

/**
 * Rows in catalogue order, grouped as the seed groups them: each group (and kind) under its own heading.
 * With a selection (the reform office's), each row and each heading has a checkbox in front.
 */
export function BoardTable({ fiscalYear, rows, selection }: { fiscalYear: number; rows: readonly Row[]; selection?: ClusterSelection }) {
  const sections = groupRows(rows);
  const columns = selection ? 7 : 6;
  return (
    <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="事業群の進捗の表（横にスクロールできます）">
      <table className="w-full min-w-[68rem] table-fixed border-collapse text-std-16N-170" aria-label="事業群の進捗">
        <colgroup>
          {selection && <col className="w-14" />}
          <col className="w-16" />
          <col />
          <col className="w-36" />
          <col className="w-36" />
          <col className="w-56" />
          <col className="w-60" />
        </colgroup>
        <thead>
          <tr>
            {selection && (
              <th scope="col" className={HEAD}>
                <span className="sr-only">選択</span>
              </th>
            )}
            <th scope="col" className={HEAD}>No.</th>
            <th scope="col" className={HEAD}>事業群</th>
            <th scope="col" className={HEAD}>所管局</th>
            <th scope="col" className={HEAD}>段階</th>
            <th scope="col" className={HEAD}>報告書の状況</th>
            <th scope="col" className={HEAD}>次の期限・対象の会議</th>
          </tr>
        </thead>
        {sections.map((section) => (
          <tbody key={section.key} data-testid="board-group">
            <tr>
              <th scope="colgroup" colSpan={columns} className="bg-solid-gray-50 px-2 py-2 text-left text-std-18B-160 text-solid-gray-900">
                <span className="flex items-center gap-3">
                  {selection && <SectionCheckbox section={section} selection={selection} />}
                  <span>
                    {section.name}
                    <span className="ml-2 text-std-16N-170 text-solid-gray-700">{section.rows.length}件</span>
                  </span>
                </span>
              </th>
            </tr>
            {section.rows.map((row) => (
              <BoardRow key={row.no} fiscalYear={fiscalYear} row={row} selection={selection} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** Ticks every row of one heading on this page; half-ticked while only some of them are. */
function SectionCheckbox({ section, selection }: { section: Section; selection: ClusterSelection }) {
  const nos = section.rows.map((row) => row.no);
  const chosen = nos.filter((no) => selection.selected.has(no)).length;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = chosen > 0 && chosen < nos.length;
  }, [chosen, nos.length]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="size-6 shrink-0"
      checked={chosen === nos.length}
      onChange={(event) => selection.choose(nos, event.target.checked)}
      aria-label={`${section.name}の${nos.length}件をすべて選択`}
    />
  );
}

function BoardRow({ fiscalYear, row, selection }: { fiscalYear: number; row: Row; selection?: ClusterSelection }) {
  const link = `/fiscal-years/${fiscalYear}/clusters/${row.no}`;
  const started = row.reports.some((report) => report.state !== '未着手');
  return (
    <tr data-testid="board-row" data-cluster-no={row.no}>
      {selection && (
        <td className={CELL}>
          <input
            type="checkbox"
            className="size-6"
            checked={selection.selected.has(row.no)}
            onChange={(event) => selection.choose([row.no], event.target.checked)}
            aria-label={`No.${row.no} ${row.name}を選択`}
          />
        </td>
      )}
      <td className={`${CELL} tabular-nums`}>
        <Link to={link} className={TEXT_LINK} aria-label={`No.${row.no} ${row.name}`}>
          {row.no}
        </Link>
      </td>
      <td className={CELL}>
        <Link to={link} className={TEXT_LINK}>
          {row.name}
        </Link>
        {row.analysedThisYear && (
          <div className="mt-1">
            <AnalysedLabel />
          </div>
        )}
      </td>
      <td className={CELL}>{row.owningBureau?.name ?? <span className="text-solid-gray-700">未設定</span>}</td>
      <td className={CELL}>{row.stageLabel}</td>
      <td className={CELL}>
        {row.reports.length === 0 && <span className="text-solid-gray-700">報告書の設定なし</span>}
        {row.reports.length > 0 && !started && <span>全{row.reports.length}件 未着手</span>}
        {started && (
          <ul className="flex flex-col" aria-label={`No.${row.no}の報告書`}>
            {row.reports.map((report) => (
              <li key={report.kind}>
                {report.label}：<span className={report.state === '差戻し' ? 'font-bold' : undefined}>{report.state}</span>
                {report.stepLabel ? `（${report.stepLabel}）` : ''}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className={CELL}>
        {row.nextDeadline ? (
          <div className="flex flex-col gap-1">
            <span>
              {row.nextDeadline.label}：<TokyoDateTime instant={row.nextDeadline.dueAt} />
            </span>
            <span className="text-solid-gray-700">{row.nextDeadline.meetingName}</span>
            {(row.nextDeadline.provisional || row.overdue) && (
              <span className="flex flex-wrap gap-1">
                {row.nextDeadline.provisional && <StatusLabel tone="caution">暫定</StatusLabel>}
                {row.overdue && <StatusLabel tone="alert">期限超過</StatusLabel>}
              </span>
            )}
          </div>
        ) : (
          <span className="text-solid-gray-700">{row.analysedThisYear || row.stage !== 'NOT_STARTED' ? 'なし' : '今年度は分析対象外'}</span>
        )}
      </td>
    </tr>
  );
}

interface Section {
  readonly key: string;
  readonly name: string;
  readonly rows: Row[];
}

/** The API sorts by group, kind and catalogue order, so consecutive rows of one category form its section. */
function groupRows(rows: readonly Row[]): Section[] {
  const sections: Section[] = [];
  for (const row of rows) {
    const key = `${row.group.code}/${row.kind?.code ?? ''}`;
    const last = sections[sections.length - 1];
    if (last?.key === key) last.rows.push(row);
    else sections.push({ key, name: categoryName(row.group.name, row.kind?.name), rows: [row] });
  }
  return sections;
}
