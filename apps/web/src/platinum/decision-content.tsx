import type { ProposalDetail } from './platinum.queries';

type Decision = NonNullable<ProposalDetail['decision']>;

/** An owning bureau's decision as saved: the outcome, the reasons and, when adopted, what changes by when. */
export function DecisionContent({ decision, headingLevel = 3 }: { decision: Decision; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const adopted = decision.outcome !== 'reject';
  const text = (value: string) => (value.trim() ? value : <span className="text-solid-gray-700">（記入なし）</span>);
  return (
    <div className="flex flex-col gap-3 text-std-16N-170">
      <div>
        <Heading className="text-std-16B-170">結論</Heading>
        <p className="mt-1 text-std-20B-150" data-testid="decision-outcome">
          {decision.outcomeLabel}
        </p>
      </div>
      <div>
        <Heading className="text-std-16B-170">理由</Heading>
        <p className="mt-1 whitespace-pre-wrap break-words">{text(decision.reasons)}</p>
      </div>
      {adopted && (
        <>
          <div>
            <Heading className="text-std-16B-170">何を変えるか</Heading>
            <p className="mt-1 whitespace-pre-wrap break-words">{text(decision.changes)}</p>
          </div>
          <div>
            <Heading className="text-std-16B-170">いつまでに</Heading>
            <p className="mt-1 whitespace-pre-wrap break-words">{text(decision.changeBy)}</p>
          </div>
        </>
      )}
    </div>
  );
}
