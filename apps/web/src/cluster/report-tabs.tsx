import { type KeyboardEvent, useRef, useState } from 'react';
import type { ClusterAddress, ClusterDetail } from './cluster.queries';
import { ReportPanel } from './report-panel';

/** The reports as tabs (WAI-ARIA tabs: arrow keys move between them, Tab goes into the panel). */
export function ReportTabs({ cluster, detail, userId }: { cluster: ClusterAddress; detail: ClusterDetail; userId: string }) {
  const reports = detail.reports;
  const opening = reports.find((report) => report.stage === detail.stage) ?? reports.find((report) => report.status !== 'APPROVED') ?? reports[0];
  const [selected, setSelected] = useState(opening?.kind ?? '');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const reportLabels = Object.fromEntries(reports.map((report) => [report.kind, report.label]));
  if (reports.length === 0) return null;
  const current = reports.find((report) => report.kind === selected) ?? reports[0];

  const move = (event: KeyboardEvent, index: number) => {
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: reports.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const wrapped = (next + reports.length) % reports.length;
    setSelected(reports[wrapped].kind);
    tabs.current[wrapped]?.focus();
  };

  return (
    <section aria-labelledby="reports-heading" className="mt-8">
      <h2 id="reports-heading" className="text-std-24B-150">
        報告書
      </h2>
      <div role="tablist" aria-label="報告書の種類" className="mt-3 flex flex-wrap gap-1 border-b-2 border-blue-900">
        {reports.map((report, index) => {
          const active = report.kind === current.kind;
          return (
            <button
              key={report.kind}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`tab-${report.kind}`}
              aria-selected={active}
              aria-controls={`panel-${report.kind}`}
              tabIndex={active ? 0 : -1}
              onClick={() => setSelected(report.kind)}
              onKeyDown={(event) => move(event, index)}
              className={`rounded-t-8 border-2 border-b-0 px-4 py-2 text-left text-std-16N-170 ${active ? 'border-blue-900 bg-blue-900 text-white' : 'border-solid-gray-420 bg-white text-blue-1000 underline underline-offset-4'}`}
            >
              <span className="block font-bold">{report.label}</span>
              <span className="block">{report.statusLabel}</span>
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`panel-${current.kind}`} aria-labelledby={`tab-${current.kind}`} tabIndex={0} className="pt-4">
        <ReportPanel
          key={current.kind}
          cluster={cluster}
          report={current}
          permitted={detail.permitted.reports.find((report) => report.kind === current.kind)}
          userId={userId}
          reportLabels={reportLabels}
        />
      </div>
    </section>
  );
}
