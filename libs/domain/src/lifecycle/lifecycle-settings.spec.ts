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

  it.each<[string, LifecycleSettings, RegExp]>([
    [
      'a duplicate slug',
      withKinds([...FY2024.reportKinds, { slug: 'final', label: '最終報告（再）', stage: ClusterStage.FinalReport }]),
      /「final」が重複/,
    ],
    ['a report stage without a report', withKinds(FY2024.reportKinds.filter((kind) => kind.stage !== ClusterStage.FinalReport)), /FINAL_REPORT の報告書がありません/],
    [
      'a report in a stage that has no reports',
      withKinds([...FY2024.reportKinds, { slug: 'kickoff-memo', label: '着手メモ', stage: ClusterStage.Kickoff }]),
      /「kickoff-memo」の段階 KICKOFF/,
    ],
    ['a slug that is not an identifier', withKinds([...FY2024.reportKinds, { slug: 'Final Report', label: '最終', stage: ClusterStage.FinalReport }]), /「Final Report」は英小文字/],
    ['a report without a label', withKinds([...FY2024.reportKinds, { slug: 'extra', label: '  ', stage: ClusterStage.FinalReport }]), /「extra」に名称がありません/],
    ['staff as an approver', withChain([{ role: Role.Staff, scope: 'owning-bureau', label: '担当' }, ...DEFAULT_APPROVAL_CHAIN]), /担当: 役割 staff は決裁者になれません/],
    ['an admin as an approver', withChain([...DEFAULT_APPROVAL_CHAIN, { role: Role.Admin, scope: 'programme', label: '管理者' }]), /管理者: 役割 admin は決裁者になれません/],
    ['a manager scoped to the whole programme', withChain([{ role: Role.Manager, scope: 'programme', label: '課長' }]), /課長: 役割 manager と範囲 programme が合いません/],
    ['a director scoped to the whole programme', withChain([{ role: Role.Director, scope: 'programme', label: '局長' }]), /局長: 役割 director と範囲 programme/],
    [
      'the reform office scoped to the owning bureau',
      withChain([{ role: Role.ReformOffice, scope: 'owning-bureau', label: '変革室' }]),
      /変革室: 役割 reform-office と範囲 owning-bureau/,
    ],
    ['an empty chain', withChain([]), /決裁の経路が空です/],
  ])('rejects %s with exactly one problem naming it', (_what, settings, problem) => {
    const problems = lifecycleSettingsProblems(settings);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('reports every problem at once', () => {
    const settings: LifecycleSettings = {
      reportKinds: [
        { slug: 'interim', label: '経過報告', stage: ClusterStage.InterimReport },
        { slug: 'interim', label: '経過報告', stage: ClusterStage.InterimReport },
      ],
      approvalChain: [],
    };
    const problems = lifecycleSettingsProblems(settings);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('「interim」が重複'),
        expect.stringContaining('DIRECTION_REPORT の報告書がありません'),
        expect.stringContaining('FINAL_REPORT の報告書がありません'),
        '決裁の経路が空です',
      ]),
    );
    expect(problems).toHaveLength(4);
  });
});
