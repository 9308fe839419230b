import { PROPOSAL_PHASE_LABELS, type ProposalPhase } from '@app/domain';
import { useState } from 'react';
import { HistorySection } from '../ui/history-section';
import { type ProposalAddress, useProposalHistory } from './platinum.queries';

const phaseLabel = (phase: string | null) => (phase ? (PROPOSAL_PHASE_LABELS[phase as ProposalPhase] ?? phase) : '');

/** Decisions on a chain may carry a comment; a save or a submission never does, so saying it is withheld there would only be noise. */
const MAY_CARRY_COMMENT = /approve|return|delegate/;

/** Which document an entry concerns, in words: 提案, 結論, or a concerned bureau's 対応方針. */
function documentLabel(document: string | null): string | null {
  if (document === 'proposal') return '提案';
  if (document === 'decision') return '制度所管局の結論';
  if (document?.startsWith('policy/')) return '対応方針';
  return null;
}

/** 履歴 of a proposal: every act on it; comments only for those who may read the document's drafts. */
export function ProposalHistory({ proposal }: { proposal: ProposalAddress }) {
  const [page, setPage] = useState(1);
  return (
    <HistorySection
      headingId="proposal-history-heading"
      history={useProposalHistory(proposal, page)}
      onPage={setPage}
      about={(entry) => {
        const about = documentLabel(entry.document);
        return about && !entry.actionLabel.includes(about) ? `（${about}）` : '';
      }}
      move={(entry) => (entry.fromPhase !== entry.toPhase && entry.toPhase ? `${entry.fromPhase ? `${phaseLabel(entry.fromPhase)} → ` : ''}${phaseLabel(entry.toPhase)}` : null)}
      withheld={(entry) => (entry.textsRestricted && MAY_CARRY_COMMENT.test(entry.action) ? 'この書類は下書きを閲覧できないため、コメントは表示していません。' : null)}
    />
  );
}
