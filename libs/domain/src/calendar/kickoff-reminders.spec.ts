import { NotificationKind } from '../notifications/notification';
import { Role } from '../roles';
import { Deadline } from './deadlines';
import { kickoffNotices, kickoffReminderRequest } from './kickoff-reminders';

const DEADLINE: Deadline = {
  target: 'kickoff',
  meetingId: 'kickoff',
  meetingName: 'キックオフ',
  meetingDateLabel: '令和6年6月4日（2024-06-04）',
  dueDate: '2024-05-28',
  dueAt: '2024-05-28T08:00:00.000Z',
  provisional: false,
};
const NOW = '2024-05-21T08:00:00.000Z';
const PENDING = [
  { no: 22, name: '保育所・幼稚園' },
  { no: 27, name: 'ごみ処理事業' },
];

describe('kickoff reminders', () => {
  const [reminder, escalation] = kickoffNotices(2024, DEADLINE, ['P7D']);

  it('plans a reminder at each offset and the escalation at the deadline', () => {
    expect([reminder, escalation].map(({ key, kind, at }) => ({ key, kind, at }))).toEqual([
      { key: 'reminder/kickoff/2024/2024-05-28T08:00:00.000Z/P7D', kind: NotificationKind.Reminder, at: '2024-05-21T08:00:00.000Z' },
      { key: 'escalation/kickoff/2024/2024-05-28T08:00:00.000Z', kind: NotificationKind.Escalation, at: '2024-05-28T08:00:00.000Z' },
    ]);
  });

  it('asks the reform office to kick off the clusters still waiting, with the deadline and its meeting', () => {
    expect(kickoffReminderRequest(2024, reminder, PENDING, NOW)).toEqual({
      key: reminder.key,
      kind: NotificationKind.Reminder,
      recipients: [{ type: 'role', role: Role.ReformOffice, bureauCode: null }],
      excludedUserIds: [],
      subject: '【期限前のお知らせ】令和6年度の経営分析の着手期限は令和6年5月28日（2024-05-28）(火) 17:00です（未着手 2件）',
      body: [
        '次の事業群の経営分析への着手をお願いします。',
        '期限: 令和6年5月28日（2024-05-28）(火) 17:00（日本時間）／キックオフ（令和6年6月4日（2024-06-04））',
        '・No.22 保育所・幼稚園',
        '・No.27 ごみ処理事業',
      ].join('\n'),
      link: '/api/v1/fiscal-years/2024/clusters?stage=NOT_STARTED&analysed=true',
      fiscalYear: 2024,
      clusterNo: null,
      reportKind: null,
      dueAt: DEADLINE.dueAt,
      createdAt: NOW,
    });
  });

  it('tells the reform office when the deadline has passed with clusters left', () => {
    const request = kickoffReminderRequest(2024, escalation, PENDING.slice(1), NOW);
    expect(request?.subject).toBe('【期限超過】令和6年度の経営分析に未着手の事業群が1件あります（期限 令和6年5月28日（2024-05-28）(火) 17:00）');
    expect(request?.body.split('\n')[0]).toBe('着手の期限を過ぎても、次の事業群の経営分析に着手していません。');
  });

  it('sends nothing once every flagged cluster is kicked off', () => {
    expect(kickoffReminderRequest(2024, reminder, [], NOW)).toBeNull();
  });
});
