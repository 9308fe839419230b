import { Role } from '../roles';
import { ClusterStage } from './cluster-stage';
import type { RoleStepRule } from '../approval/approval-document';
import {
  DEFAULT_APPROVAL_CHAIN,
  LifecycleSettings,
  lifecycleSettingsProblems,
  ReportKindSetting,
  reportKindsOfStage,
} from './lifecycle-settings';
import { FY2024_LIFECYCLE_SETTINGS } from '../../../persistence/src/seed/fy2024-lifecycle-settings';

const FY2024 = FY2024_LIFECYCLE_SETTINGS;

const withKinds = (reportKinds: ReportKindSetting[]): LifecycleSettings => ({ ...FY2024, reportKinds });
const withChain = (approvalChain: RoleStepRule[]): LifecycleSettings => ({ ...FY2024, approvalChain });

describe('FY2024 lifecycle settings', () => {
  it('have no problems', () => {
    expect(lifecycleSettingsProblems(FY2024)).toEqual([]);
  });

  it('write one interim, two direction (budget, then system) and one final report', () => {
    expect(FY2024.reportKinds.map((kind) => [kind.slug, kind.stage])).toEqual([
      ['interim', ClusterStage.InterimReport],
      ['direction-budget', ClusterStage.DirectionReport],
      ['direction-system', ClusterStage.DirectionReport],
      ['final', ClusterStage.FinalReport],
    ]);
    expect(reportKindsOfStage(FY2024, ClusterStage.DirectionReport).map((kind) => kind.slug)).toEqual(['direction-budget', 'direction-system']);
    expect(reportKindsOfStage(FY2024, ClusterStage.Kickoff)).toEqual([]);
  });

  it('go to the owning bureau’s section manager, then its director, then the reform office', () => {
    expect(FY2024.approvalChain).toBe(DEFAULT_APPROVAL_CHAIN);
    expect(DEFAULT_APPROVAL_CHAIN.map((step) => [step.role, step.scope])).toEqual([
      [Role.Manager, 'owning-bureau'],
      [Role.Director, 'owning-bureau'],
      [Role.ReformOffice, 'programme'],
    ]);
  });
});

describe('lifecycleSettingsProblems', () => {
  it('accepts a year with one report per stage and a shorter chain', () => {
    const settings: LifecycleSettings = {
      reportKinds: [
        { slug: 'interim', label: '経過報告', stage: ClusterStage.InterimReport },
        { slug: 'direction', label: '改革の方向性の報告', stage: ClusterStage.DirectionReport },
        { slug: 'final', label: '最終報告', stage: ClusterStage.FinalReport },
      ],
      approvalChain: [{ role: Role.ReformOffice, scope: 'programme', label: '市政変革室' }],
    };
    expect(lifecycleSettingsProblems(settings)).toEqual([]);
  });

  it.each<[string, LifecycleSettings, string, string]>([
    [
      'a duplicate slug',
      withKinds([...FY2024.reportKinds, { slug: 'final', label: '最終報告（再）', stage: ClusterStage.FinalReport }]),
      'reportKinds',
      '報告書の識別子「final」が重複しています',
    ],
    [
      'a report stage without a report',
      withKinds(FY2024.reportKinds.filter((kind) => kind.stage !== ClusterStage.FinalReport)),
      'reportKinds',
      '最終報告の段階の報告書がありません。どれかの報告書の段階を最終報告にしてください',
    ],
    [
      'a report in a stage that has no reports',
      withKinds([...FY2024.reportKinds, { slug: 'kickoff-memo', label: '着手メモ', stage: ClusterStage.Kickoff }]),
      `reportKinds.${FY2024.reportKinds.length}.stage`,
      '着手メモの段階は経過報告・改革の方向性の報告・最終報告のどれかにしてください',
    ],
    [
      'a slug that is not an identifier',
      withKinds([...FY2024.reportKinds, { slug: 'Final Report', label: '最終', stage: ClusterStage.FinalReport }]),
      `reportKinds.${FY2024.reportKinds.length}.slug`,
      '最終の識別子「Final Report」は英小文字・数字・ハイフンにしてください',
    ],
    [
      'a report without a label',
      withKinds([...FY2024.reportKinds, { slug: 'extra', label: '  ', stage: ClusterStage.FinalReport }]),
      `reportKinds.${FY2024.reportKinds.length}.label`,
      '報告書の名称を入力してください',
    ],
    ['staff as an approver', withChain([{ role: Role.Staff, scope: 'owning-bureau', label: '担当' }, ...DEFAULT_APPROVAL_CHAIN]), 'approvalChain.0.role', '担当：担当職員は決裁者になれません'],
    ['an admin as an approver', withChain([...DEFAULT_APPROVAL_CHAIN, { role: Role.Admin, scope: 'programme', label: '管理者' }]), 'approvalChain.3.role', '管理者：システム管理者は決裁者になれません'],
    ['a manager scoped to the whole programme', withChain([{ role: Role.Manager, scope: 'programme', label: '課長' }]), 'approvalChain.0.scope', '課長：課長の範囲は「所管局の中で」にしてください'],
    ['a director scoped to the whole programme', withChain([{ role: Role.Director, scope: 'programme', label: '' }]), 'approvalChain.0.scope', '1段目：局長の範囲は「所管局の中で」にしてください'],
    [
      'the reform office scoped to the owning bureau',
      withChain([{ role: Role.ReformOffice, scope: 'owning-bureau', label: '変革室' }]),
      'approvalChain.0.scope',
      '変革室：市政変革室の範囲は「全庁（市政変革室）」にしてください',
    ],
    ['an empty chain', withChain([]), 'approvalChain', '決裁の経路に1段以上を設けてください'],
  ])('rejects %s with exactly one problem, under the field to change', (_what, settings, field, problem) => {
    expect(lifecycleSettingsProblems(settings)).toEqual([{ field, problems: [problem] }]);
  });

  it('reports every problem at once', () => {
    const settings: LifecycleSettings = {
      reportKinds: [
        { slug: 'interim', label: '経過報告', stage: ClusterStage.InterimReport },
        { slug: 'interim', label: '経過報告', stage: ClusterStage.InterimReport },
      ],
      approvalChain: [],
    };
    expect(lifecycleSettingsProblems(settings)).toEqual([
      {
        field: 'reportKinds',
        problems: [
          '報告書の識別子「interim」が重複しています',
          '改革の方向性の報告の段階の報告書がありません。どれかの報告書の段階を改革の方向性の報告にしてください',
          '最終報告の段階の報告書がありません。どれかの報告書の段階を最終報告にしてください',
        ],
      },
      { field: 'approvalChain', problems: ['決裁の経路に1段以上を設けてください'] },
    ]);
  });
});
