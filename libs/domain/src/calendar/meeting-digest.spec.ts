import { ClusterStage } from '../lifecycle/cluster-stage';
import { ApprovalStatus } from '../approval/approval-document';
import { NotificationKind } from '../notifications/notification';
import { Role } from '../roles';
import { DigestItem, meetingDigestRequests } from './meeting-digest';
import { FY2024_MEETINGS } from '../../../persistence/src/seed/fy2024-calendar';

const X1 = FY2024_MEETINGS[1];
const NOW = '2024-07-17T00:00:00.000Z';

const item = (owningBureauCode: string, clusterNo: number, clusterName: string, reportStatus: ApprovalStatus | null, stage: ClusterStage): DigestItem => ({
  owningBureauCode,
  clusterNo,
  clusterName,
  reportLabel: '経過報告',
  reportStatus,
  stage,
});

describe('meetingDigestRequests', () => {
  const items = [
    item('kodomo', 22, '保育所・幼稚園', null, ClusterStage.NotStarted),
    item('kankyo', 34, '公園事業', ApprovalStatus.InApproval, ClusterStage.InterimReport),
    item('kodomo', 23, '子育て支援事業', ApprovalStatus.NotStarted, ClusterStage.Kickoff),
  ];

  it('sends each owning bureau one digest of what it presents, in agenda order, with each report’s state', () => {
    const [kodomo, kankyo] = meetingDigestRequests(2024, X1, 'digest/2024/x1/2024-07-22', items, '2024-07-17T00:00:00.000Z', NOW);
    expect(kodomo).toEqual({
      key: 'digest/2024/x1/2024-07-22/kodomo',
      kind: NotificationKind.MeetingDigest,
      recipients: [
        { type: 'role', role: Role.Staff, bureauCode: 'kodomo' },
        { type: 'role', role: Role.Manager, bureauCode: 'kodomo' },
        { type: 'role', role: Role.Director, bureauCode: 'kodomo' },
      ],
      excludedUserIds: [],
      subject: '【X会議の案内】第1回X会議（令和6年7月22日（2024-07-22））で報告する事業群',
      body: [
        '第1回X会議（令和6年7月22日（2024-07-22））で次の報告をお願いします（案内: 令和6年7月17日（2024-07-17）(水) 09:00）。',
        '・No.22 保育所・幼稚園「経過報告」: 未着手（段階: 未着手）',
        '・No.23 子育て支援事業「経過報告」: 未作成（段階: 経営分析着手）',
      ].join('\n'),
      link: '/api/v1/fiscal-years/2024/meetings',
      fiscalYear: 2024,
      clusterNo: null,
      reportKind: null,
      dueAt: null,
      createdAt: NOW,
    });
    expect(kankyo.key).toBe('digest/2024/x1/2024-07-22/kankyo');
    expect(kankyo.body.split('\n').slice(1)).toEqual(['・No.34 公園事業「経過報告」: 決裁中（段階: 経過報告）']);
  });

  it('leaves out when it was sent if the year has no calendar settings', () => {
    const [first] = meetingDigestRequests(2024, X1, 'digest/2024/x1/2024-07-22', items, null, NOW);
    expect(first.body.split('\n')[0]).toBe('第1回X会議（令和6年7月22日（2024-07-22））で次の報告をお願いします。');
  });

  it('sends nothing for an agenda without an owning bureau', () => {
    expect(meetingDigestRequests(2024, X1, 'digest/2024/x1/2024-07-22', [], null, NOW)).toEqual([]);
  });
});
