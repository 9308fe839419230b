import { isClusterStage, STAGE_LABELS } from '@app/domain';
import { useState } from 'react';
import { HistorySection } from '../ui/history-section';
import { type ClusterAddress, useClusterHistory } from './cluster.queries';

const stageLabel = (stage: string | null) => (stage && isClusterStage(stage) ? STAGE_LABELS[stage] : (stage ?? ''));

/** 履歴 of a cluster's analysis: each act with the report it concerns and the stage it moved to. */
export function ClusterHistory({ cluster, reportLabels }: { cluster: ClusterAddress; reportLabels: Readonly<Record<string, string>> }) {
  const [page, setPage] = useState(1);
  return (
    <HistorySection
      headingId="history-heading"
      history={useClusterHistory(cluster, page)}
      onPage={setPage}
      about={(entry) => (entry.reportKind ? `（${reportLabels[entry.reportKind] ?? entry.reportKind}）` : '')}
      move={(entry) => (entry.fromStage !== entry.toStage ? `${stageLabel(entry.fromStage)} → ${stageLabel(entry.toStage)}` : null)}
      withheld={(entry) => (entry.textsRestricted ? 'この報告書のコメント・件名は閲覧できないため表示していません。' : null)}
    />
  );
}
