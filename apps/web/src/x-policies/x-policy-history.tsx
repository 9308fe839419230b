import { X_POLICY_PHASE_LABELS, type XPolicyPhase } from '@app/domain';
import { useState } from 'react';
import { HistorySection } from '../ui/history-section';
import { useXPolicyHistory, type XPolicyAddress, type XPolicyDetail } from './x-policies.queries';

const phaseLabel = (phase: string | null) => (phase ? (X_POLICY_PHASE_LABELS[phase as XPolicyPhase] ?? phase) : '未開始');

/** A progress update (`progress/<issue>/<n>`) in the words of the page; acts on the plan say enough by their name. */
function documentLabel(document: string | null, detail: XPolicyDetail): string {
  if (!document?.startsWith('progress/')) return '';
  const [, issueId, seq] = document.split('/');
  const issues = detail.publication?.issues ?? [];
  const index = issues.findIndex((issue) => issue.id === issueId);
  return `（${index >= 0 ? `課題${index + 1}「${issues[index].title}」` : issueId}の進捗 第${seq}報）`;
}

/** 履歴 of a bureau's X policy; comments only for those who may read them. */
export function XPolicyHistory({ address, detail }: { address: XPolicyAddress; detail: XPolicyDetail }) {
  const [page, setPage] = useState(1);
  return (
    <HistorySection
      headingId="x-policy-history-heading"
      history={useXPolicyHistory(address, page)}
      onPage={setPage}
      about={(entry) => documentLabel(entry.document, detail)}
      move={(entry) => (entry.fromPhase !== entry.toPhase ? `${phaseLabel(entry.fromPhase)} → ${phaseLabel(entry.toPhase)}` : null)}
      footer={
        detail.textsRestricted && <p className="mt-2 text-solid-gray-700">決裁・差戻しのコメントは{detail.bureau.name}の職員と市政変革室だけが閲覧できるため、表示していません。</p>
      }
    />
  );
}
