import { Link } from 'react-router';
import { paths } from '../routes/paths';
import { TEXT_LINK } from '../ui/link-styles';
import { type ProposalDetail, useClusterNames } from './platinum.queries';

type Content = NonNullable<ProposalDetail['content']>;

/** A proposal's words as saved: 課題, 対象の制度・規程, 提案内容, 期待される効果 and the related clusters, linked. */
export function ProposalContent({ fiscalYear, content, headingLevel = 3 }: { fiscalYear: number; content: Content; headingLevel?: 3 | 4 }) {
  const names = useClusterNames(fiscalYear, content.relatedClusterNos);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const parts = [
    ['課題', content.issue],
    ['対象の制度・規程', content.rules],
    ['提案内容', content.proposal],
    ['期待される効果', content.effects],
  ] as const;
  return (
    <div className="flex flex-col gap-3 text-std-16N-170">
      {parts.map(([label, text]) => (
        <div key={label}>
          <Heading className="text-std-16B-170">{label}</Heading>
          <p className="mt-1 whitespace-pre-wrap break-words">{text.trim() ? text : <span className="text-solid-gray-700">（記入なし）</span>}</p>
        </div>
      ))}
      <div>
        <Heading className="text-std-16B-170">関連する事業群</Heading>
        {content.relatedClusterNos.length === 0 ? (
          <p className="mt-1 text-solid-gray-700">（なし）</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-1">
            {content.relatedClusterNos.map((no) => (
              <li key={no}>
                <Link to={paths.cluster(fiscalYear, no)} className={TEXT_LINK}>
                  No.{no} {names.data?.get(no) ?? ''}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
