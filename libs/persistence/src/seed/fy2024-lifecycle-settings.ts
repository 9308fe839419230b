import { ClusterStage, DEFAULT_APPROVAL_CHAIN, LifecycleSettings } from '@app/domain';

/** FY2024: one interim report, two direction reports (budget-related, then system-related), one final report. */
export const FY2024_LIFECYCLE_SETTINGS: LifecycleSettings = {
  reportKinds: [
    { slug: 'interim', label: '経過報告', stage: ClusterStage.InterimReport },
    { slug: 'direction-budget', label: '改革の方向性の報告（令和7年度予算に関連するもの）', stage: ClusterStage.DirectionReport },
    { slug: 'direction-system', label: '改革の方向性の報告（制度関係等）', stage: ClusterStage.DirectionReport },
    { slug: 'final', label: '最終報告', stage: ClusterStage.FinalReport },
  ],
  approvalChain: DEFAULT_APPROVAL_CHAIN,
};
