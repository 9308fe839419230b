import { Role } from '../roles';
import { OwedAction } from '../lifecycle/owed-actions';
import { NotificationKind } from '../notifications/notification';
import { clusterDeadlines, Deadline } from './deadlines';
import { Meeting } from './meeting';
import { MeetingDate, MonthThird } from './meeting-date';
import { ClusterRef, deadlineMovedRequest, noticeRequest, ownersOf, PlannedNotice, plannedNotices, scheduleAt } from './reminder-plan';
import { FY2024_CALENDAR_SETTINGS, FY2024_MEETINGS } from '../../../persistence/src/seed/fy2024-calendar';

const GOMI: ClusterRef = { fiscalYear: 2024, clusterNo: 27, clusterName: 'ごみ処理事業', owningBureauCode: 'kankyo' };
const OFFSETS = FY2024_CALENDAR_SETTINGS.reminderOffsets; // P7D, P3D, P1D
const NOW = '2024-07-01T00:00:00.000Z';

const writeOwed = (reportKind: string, reportLabel: string): OwedAction => ({
  reportKind,
  reportLabel,
  action: 'write',
  role: Role.Staff,
  bureauCode: 'kankyo',
  assignee: null,
  excludedUserIds: [],
  stepLabel: null,
});
const INTERIM = writeOwed('interim', '経過報告');
const BUDGET = writeOwed('direction-budget', '改革の方向性の報告（令和7年度予算に関連するもの）');
const SYSTEM = writeOwed('direction-system', '改革の方向性の報告（制度関係等）');
const DECIDE_INTERIM: OwedAction = {
  ...INTERIM,
  action: 'decide',
  role: Role.Manager,
  excludedUserIds: ['u-staff'],
  stepLabel: '所管課長',
};

const withMeetingDate = (id: string, date: MeetingDate): Meeting[] => FY2024_MEETINGS.map((meeting) => (meeting.id === id ? { ...meeting, date } : meeting));
const deadlinesOf = (meetings: readonly Meeting[] = FY2024_MEETINGS, clusterNo = 27) => clusterDeadlines(clusterNo, meetings, FY2024_CALENDAR_SETTINGS);
const deadlineOf = (target: string, meetings: readonly Meeting[] = FY2024_MEETINGS): Deadline => deadlinesOf(meetings).find((deadline) => deadline.target === target)!;
const plan = (owed: readonly OwedAction[], meetings: readonly Meeting[] = FY2024_MEETINGS) => plannedNotices(GOMI, owed, deadlinesOf(meetings), OFFSETS);

const keys = (notices: readonly PlannedNotice[]) => notices.map((notice) => notice.key);
const INTERIM_BASE = '2024/27/interim/2024-07-12T08:00:00.000Z';
const P7D = `reminder/${INTERIM_BASE}/P7D`;
const P3D = `reminder/${INTERIM_BASE}/P3D`;
const P1D = `reminder/${INTERIM_BASE}/P1D`;
const ESCALATION = `escalation/${INTERIM_BASE}`;

describe('plannedNotices', () => {
  it('plans a reminder at each offset before the interim deadline (2024-07-12 17:00 Tokyo) and the escalation at it', () => {
    expect(plan([INTERIM]).map(({ key, kind, at }) => ({ key, kind, at }))).toEqual([
      { key: P7D, kind: NotificationKind.Reminder, at: '2024-07-05T08:00:00.000Z' },
      { key: P3D, kind: NotificationKind.Reminder, at: '2024-07-09T08:00:00.000Z' },
      { key: P1D, kind: NotificationKind.Reminder, at: '2024-07-11T08:00:00.000Z' },
      { key: ESCALATION, kind: NotificationKind.Escalation, at: '2024-07-12T08:00:00.000Z' },
    ]);
  });

  it('carries the owed item and its deadline on every notice', () => {
    for (const notice of plan([INTERIM])) {
      expect(notice.owed).toBe(INTERIM);
      expect(notice.deadline).toEqual(deadlineOf('interim'));
    }
  });

  it('handles hour offsets', () => {
    const notices = plannedNotices(GOMI, [INTERIM], deadlinesOf(), ['PT36H']);
    expect(notices[0]).toMatchObject({ key: `reminder/${INTERIM_BASE}/PT36H`, at: '2024-07-10T20:00:00.000Z' });
  });

  it('skips offsets that are not durations, but still escalates', () => {
    expect(keys(plannedNotices(GOMI, [INTERIM], deadlinesOf(), ['one week', 'P0D', 'P1D']))).toEqual([P1D, ESCALATION]);
    expect(keys(plannedNotices(GOMI, [INTERIM], deadlinesOf(), []))).toEqual([ESCALATION]);
  });

  it('plans nothing for an item without a deadline, or when nothing is owed', () => {
    expect(plannedNotices(GOMI, [writeOwed('unknown-kind', '不明')], deadlinesOf(), OFFSETS)).toEqual([]);
    expect(plannedNotices(GOMI, [INTERIM], [], OFFSETS)).toEqual([]);
    expect(plannedNotices(GOMI, [], deadlinesOf(), OFFSETS)).toEqual([]);
  });

  it('plans each owed item against its own deadline', () => {
    const notices = plan([BUDGET, SYSTEM]);
    expect(notices).toHaveLength(8);
    expect(notices.filter((notice) => notice.kind === NotificationKind.Escalation).map((notice) => [notice.owed.reportKind, notice.at])).toEqual([
      ['direction-budget', '2024-09-24T08:00:00.000Z'],
      ['direction-system', '2024-12-16T08:00:00.000Z'],
    ]);
  });

  it('gives an agenda cluster notices against its agenda meeting', () => {
    const notices = plannedNotices({ ...GOMI, clusterNo: 13, clusterName: '文化振興施策' }, [INTERIM], deadlinesOf(FY2024_MEETINGS, 13), OFFSETS);
    expect(notices.at(-1)).toMatchObject({ key: 'escalation/2024/13/interim/2024-08-14T08:00:00.000Z', at: '2024-08-14T08:00:00.000Z' });
  });
});

describe('notice keys', () => {
  it('are the same every time the same deadlines are planned', () => {
    expect(keys(plan([INTERIM]))).toEqual(keys(plan([INTERIM])));
  });

  it('differ between clusters, years and report kinds', () => {
    const all = [
      ...plan([INTERIM, BUDGET, SYSTEM]),
      ...plannedNotices({ ...GOMI, clusterNo: 33 }, [INTERIM], deadlinesOf(), OFFSETS),
      ...plannedNotices({ ...GOMI, fiscalYear: 2025 }, [INTERIM], deadlinesOf(), OFFSETS),
    ];
    expect(new Set(keys(all)).size).toBe(all.length);
  });

  it('all change when the meeting moves, so people are reminded again against the new deadline', () => {
    const before = keys(plan([INTERIM]));
    const after = keys(plan([INTERIM], withMeetingDate('x1', { kind: 'exact', date: '2024-07-29' })));
    expect(after.at(-1)).toBe('escalation/2024/27/interim/2024-07-22T08:00:00.000Z');
    expect(after.filter((key) => before.includes(key))).toEqual([]);
  });

  it('stay the same when a provisional meeting is fixed on the day it was planned against, so nobody is reminded twice', () => {
    const provisional = keys(plan([BUDGET]));
    const fixed = keys(plan([BUDGET], withMeetingDate('x3', { kind: 'exact', date: '2024-10-01' })));
    expect(fixed).toEqual(provisional);
  });

  it('do not change when another report’s meeting moves', () => {
    expect(keys(plan([INTERIM], withMeetingDate('x3', { kind: 'exact', date: '2024-10-08' })))).toEqual(keys(plan([INTERIM])));
  });
});

describe('scheduleAt', () => {
  const planned = plan([INTERIM]);
  const at = (key: string) => planned.find((notice) => notice.key === key)!.at;
  const plusMs = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();
  const schedule = (now: string, sent: readonly string[] = []) => {
    const result = scheduleAt(planned, new Set(sent), now);
    return { due: keys(result.due), overtaken: keys(result.overtaken), next: result.next?.key };
  };

  it('sends nothing before the first reminder and names it as next', () => {
    expect(schedule(NOW)).toEqual({ due: [], overtaken: [], next: P7D });
  });

  it('is not due a millisecond early, and is due exactly at its instant', () => {
    expect(schedule(plusMs(at(P7D), -1))).toEqual({ due: [], overtaken: [], next: P7D });
    expect(schedule(at(P7D))).toEqual({ due: [P7D], overtaken: [], next: P3D });
  });

  it('does not send a reminder again once it is sent', () => {
    expect(schedule(plusMs(at(P7D), 60_000), [P7D])).toEqual({ due: [], overtaken: [], next: P3D });
  });

  it('sends each reminder in turn when the worker keeps up', () => {
    expect(schedule(at(P3D), [P7D])).toEqual({ due: [P3D], overtaken: [], next: P1D });
    expect(schedule(at(P1D), [P7D, P3D])).toEqual({ due: [P1D], overtaken: [], next: ESCALATION });
    expect(schedule(at(ESCALATION), [P7D, P3D, P1D])).toEqual({ due: [ESCALATION], overtaken: [], next: undefined });
    expect(schedule('2024-08-01T00:00:00.000Z', [P7D, P3D, P1D, ESCALATION])).toEqual({ due: [], overtaken: [], next: undefined });
  });

  it('sends only the latest of several reminders that came due while the worker was away', () => {
    expect(schedule(plusMs(at(P1D), 1))).toEqual({ due: [P1D], overtaken: [P7D, P3D], next: ESCALATION });
  });

  it('sends no reminder once the escalation is due, only the escalation', () => {
    expect(schedule(at(ESCALATION))).toEqual({ due: [ESCALATION], overtaken: [P7D, P3D, P1D], next: undefined });
    expect(schedule(at(ESCALATION), [P7D])).toEqual({ due: [ESCALATION], overtaken: [P3D, P1D], next: undefined });
  });

  it('never sends a reminder that a later, already sent reminder overtook', () => {
    // P7D was overtaken when P3D went out; an hour later it must not go out on its own.
    expect(schedule(plusMs(at(P3D), 3_600_000), [P3D])).toEqual({ due: [], overtaken: [P7D], next: P1D });
  });

  it('never sends a reminder after the escalation went out', () => {
    expect(schedule('2024-07-20T00:00:00.000Z', [ESCALATION])).toEqual({ due: [], overtaken: [P7D, P3D, P1D], next: undefined });
    expect(schedule('2024-07-20T00:00:00.000Z', [P7D, ESCALATION])).toEqual({ due: [], overtaken: [P3D, P1D], next: undefined });
  });

  it('sends one of two reminders planned for the same instant', () => {
    const twins = plannedNotices(GOMI, [INTERIM], deadlinesOf(), ['P1D', 'PT24H']);
    const result = scheduleAt(twins, new Set(), '2024-07-11T08:00:00.000Z');
    expect(result.due).toHaveLength(1);
    expect(result.overtaken).toHaveLength(1);
    expect(result.next?.kind).toBe(NotificationKind.Escalation);
  });

  it('names the earliest notice still to come as next, whatever order the plan is in', () => {
    const result = scheduleAt([...planned].reverse(), new Set(), NOW);
    expect(result.next?.key).toBe(P7D);
    const skipped = scheduleAt([...planned].reverse(), new Set([P7D, P3D]), NOW);
    expect(skipped.next?.key).toBe(P1D);
  });

  it('schedules several owed items independently: each deadline sends its own latest notice', () => {
    const both = plan([BUDGET, SYSTEM]);
    // Budget deadline 2024-09-24 passed; the system report’s P7D reminder (2024-12-09 17:00) passed, its P3D has not.
    const result = scheduleAt(both, new Set(), '2024-12-10T00:00:00.000Z');
    expect(result.due.map((notice) => [notice.owed.reportKind, notice.kind, notice.at])).toEqual([
      ['direction-budget', NotificationKind.Escalation, '2024-09-24T08:00:00.000Z'],
      ['direction-system', NotificationKind.Reminder, '2024-12-09T08:00:00.000Z'],
    ]);
    expect(result.overtaken.map((notice) => notice.owed.reportKind)).toEqual(['direction-budget', 'direction-budget', 'direction-budget']);
    expect(result.next).toMatchObject({ key: 'reminder/2024/27/direction-system/2024-12-16T08:00:00.000Z/P3D', at: '2024-12-13T08:00:00.000Z' });
  });

  it('picks next across owed items by time, not by plan order', () => {
    const both = plan([SYSTEM, BUDGET]);
    expect(scheduleAt(both, new Set(), NOW).next?.key).toBe('reminder/2024/27/direction-budget/2024-09-24T08:00:00.000Z/P7D');
  });

  it('after a meeting moved, plans afresh: the new deadline’s reminders are not blocked by the old ones having been sent', () => {
    const moved = plan([INTERIM], withMeetingDate('x1', { kind: 'exact', date: '2024-07-29' }));
    const result = scheduleAt(moved, new Set([P7D, P3D, P1D]), '2024-07-16T00:00:00.000Z');
    expect(keys(result.due)).toEqual(['reminder/2024/27/interim/2024-07-22T08:00:00.000Z/P7D']);
    expect(result.next?.key).toBe('reminder/2024/27/interim/2024-07-22T08:00:00.000Z/P3D');
  });

  it('has nothing to do for an empty plan', () => {
    expect(scheduleAt([], new Set(), NOW)).toEqual({ due: [], overtaken: [], next: undefined });
  });
});

describe('ownersOf', () => {
  it('is the role within its bureau, or the one delegate', () => {
    expect(ownersOf(INTERIM)).toEqual([{ type: 'role', role: Role.Staff, bureauCode: 'kankyo' }]);
    expect(ownersOf({ ...DECIDE_INTERIM, assignee: { id: 'u-deputy', name: '代理 高橋' } })).toEqual([{ type: 'users', userIds: ['u-deputy'] }]);
  });

  it('falls back to the role when the delegate has no user id', () => {
    expect(ownersOf({ ...DECIDE_INTERIM, assignee: { id: null, name: 'system' } })).toEqual([{ type: 'role', role: Role.Manager, bureauCode: 'kankyo' }]);
  });
});

describe('noticeRequest', () => {
  const notice = (owed: OwedAction, kind: NotificationKind, meetings: readonly Meeting[] = FY2024_MEETINGS) =>
    plan([owed], meetings).find((candidate) => candidate.kind === kind)!;
  const reminder = (owed: OwedAction = INTERIM) => noticeRequest(GOMI, notice(owed, NotificationKind.Reminder), NOW);
  const escalation = (owed: OwedAction = INTERIM) => noticeRequest(GOMI, notice(owed, NotificationKind.Escalation), '2024-07-12T08:00:00.000Z');

  it('reminds the owning bureau’s staff to write the interim report, with the cluster, the action and the due date in Tokyo time', () => {
    expect(reminder()).toEqual({
      key: P7D,
      kind: NotificationKind.Reminder,
      recipients: [{ type: 'role', role: Role.Staff, bureauCode: 'kankyo' }],
      excludedUserIds: [],
      subject: '【期限前のお知らせ】No.27 ごみ処理事業「経過報告」の報告書の作成・提出の期限は令和6年7月12日（2024-07-12）(金) 17:00です',
      body: [
        '次の対応をお願いします。',
        '事業群: No.27 ごみ処理事業（令和6年度）',
        '報告書: 経過報告',
        '必要な対応: 報告書の作成・提出',
        '期限: 令和6年7月12日（2024-07-12）(金) 17:00（日本時間）',
        '対象の会議: 第1回X会議（令和6年7月22日（2024-07-22））',
      ].join('\n'),
      link: '/api/v1/fiscal-years/2024/clusters/27',
      fiscalYear: 2024,
      clusterNo: 27,
      reportKind: 'interim',
      dueAt: '2024-07-12T08:00:00.000Z',
      createdAt: NOW,
    });
  });

  it('sends a delegated decision’s reminder to the delegate only, naming the approval step', () => {
    const request = reminder({ ...DECIDE_INTERIM, assignee: { id: 'u-deputy', name: '代理 高橋' } });
    expect(request.recipients).toEqual([{ type: 'users', userIds: ['u-deputy'] }]);
    expect(request.excludedUserIds).toEqual(['u-staff']);
    expect(request.subject).toContain('決裁（承認・差戻し）');
    expect(request.body).toContain('次の対応をお願いします（所管課長の段階）。');
  });

  it('reminds every holder of the approver role when nobody is delegated, leaving out the report’s authors', () => {
    const request = reminder(DECIDE_INTERIM);
    expect(request.recipients).toEqual([{ type: 'role', role: Role.Manager, bureauCode: 'kankyo' }]);
    expect(request.excludedUserIds).toEqual(['u-staff']);
  });

  it('asks for a revision after 差戻し', () => {
    expect(reminder({ ...INTERIM, action: 'revise' }).body).toContain('必要な対応: 差戻しを受けた報告書の修正・再提出');
  });

  it('escalates to the owning bureau’s director and the reform office, not to whoever owes the item', () => {
    for (const owed of [INTERIM, { ...DECIDE_INTERIM, assignee: { id: 'u-deputy', name: '代理 高橋' } }]) {
      const request = escalation(owed);
      expect(request.recipients).toEqual([
        { type: 'role', role: Role.Director, bureauCode: 'kankyo' },
        { type: 'role', role: Role.ReformOffice, bureauCode: null },
      ]);
      expect(request.excludedUserIds).toEqual([]);
    }
  });

  it('says in the escalation that the deadline has passed, with the cluster, the action and the due date', () => {
    const request = escalation(DECIDE_INTERIM);
    expect(request.kind).toBe(NotificationKind.Escalation);
    expect(request.key).toBe(ESCALATION);
    expect(request.subject).toBe('【期限超過】No.27 ごみ処理事業「経過報告」の決裁（承認・差戻し）が期限（令和6年7月12日（2024-07-12）(金) 17:00）を過ぎています');
    expect(request.body.split('\n')[0]).toBe('次の対応が期限を過ぎても完了していません（所管課長の段階）。');
    expect(request.body).toContain('期限: 令和6年7月12日（2024-07-12）(金) 17:00（日本時間）');
    expect(request.createdAt).toBe('2024-07-12T08:00:00.000Z');
  });

  it('marks a deadline pegged to a meeting known only as 上旬 as 暫定, explaining why', () => {
    const request = noticeRequest(GOMI, notice(BUDGET, NotificationKind.Reminder), NOW);
    expect(request.subject).toBe('【期限前のお知らせ】No.27 ごみ処理事業「改革の方向性の報告（令和7年度予算に関連するもの）」の報告書の作成・提出の期限は令和6年9月24日（2024-09-24）(火) 17:00です');
    expect(request.body).toContain('期限: 令和6年9月24日（2024-09-24）(火) 17:00（日本時間）（暫定: 第3回X会議の日程が令和6年10月上旬（2024-10 上旬）と未確定のため、その初日を基準にしています）');
    expect(request.body).toContain('対象の会議: 第3回X会議（令和6年10月上旬（2024-10 上旬））');
    expect(request.dueAt).toBe('2024-09-24T08:00:00.000Z');
  });

  it('drops 暫定 once the meeting’s date is fixed', () => {
    const fixed = withMeetingDate('x3', { kind: 'exact', date: '2024-10-08' });
    const request = noticeRequest(GOMI, notice(BUDGET, NotificationKind.Reminder, fixed), NOW);
    expect(request.body).not.toContain('暫定');
    expect(request.body).toContain('期限: 令和6年10月1日（2024-10-01）(火) 17:00（日本時間）');
    expect(request.body).toContain('対象の会議: 第3回X会議（令和6年10月8日（2024-10-08））');
    expect(noticeRequest(GOMI, notice(INTERIM, NotificationKind.Escalation), NOW).body).not.toContain('暫定');
  });

  it('writes one-line subjects', () => {
    expect(reminder().subject).not.toContain('\n');
    expect(escalation().subject).not.toContain('\n');
  });
});

describe('deadlineMovedRequest', () => {
  const provisional = deadlineOf('direction-budget');
  const fixedOn = (date: string) => deadlineOf('direction-budget', withMeetingDate('x3', { kind: 'exact', date }));

  it('tells whoever owes the item the new deadline, the old one and why it moved', () => {
    const request = deadlineMovedRequest(GOMI, BUDGET, provisional, fixedOn('2024-10-08'), NOW);
    expect(request).toEqual({
      key: 'deadline-moved/2024/27/direction-budget/2024-10-01T08:00:00.000Z/fixed',
      kind: NotificationKind.DeadlineMoved,
      recipients: [{ type: 'role', role: Role.Staff, bureauCode: 'kankyo' }],
      excludedUserIds: [],
      subject: '【期限の変更】No.27 ごみ処理事業「改革の方向性の報告（令和7年度予算に関連するもの）」の期限が令和6年10月1日（2024-10-01）(火) 17:00になりました',
      body: [
        '第3回X会議の日程が令和6年10月8日（2024-10-08）になったため、期限が変わりました。',
        '事業群: No.27 ごみ処理事業（令和6年度）',
        '報告書: 改革の方向性の報告（令和7年度予算に関連するもの）',
        '必要な対応: 報告書の作成・提出',
        '変更前の期限: 令和6年9月24日（2024-09-24）(火) 17:00（暫定）',
        '新しい期限: 令和6年10月1日（2024-10-01）(火) 17:00（日本時間）',
      ].join('\n'),
      link: '/api/v1/fiscal-years/2024/clusters/27',
      fiscalYear: 2024,
      clusterNo: 27,
      reportKind: 'direction-budget',
      dueAt: '2024-10-01T08:00:00.000Z',
      createdAt: NOW,
    });
  });

  it('goes to the delegate only, without the excluded authors, when a decision is delegated', () => {
    const owed: OwedAction = { ...BUDGET, action: 'decide', role: Role.Director, assignee: { id: 'u-deputy', name: '代理' }, excludedUserIds: ['u-staff'], stepLabel: '所管局長' };
    const request = deadlineMovedRequest(GOMI, owed, provisional, fixedOn('2024-10-08'), NOW);
    expect(request.recipients).toEqual([{ type: 'users', userIds: ['u-deputy'] }]);
    expect(request.excludedUserIds).toEqual(['u-staff']);
    expect(request.body).toContain('必要な対応: 決裁（承認・差戻し）');
  });

  it('keeps 暫定 on the new deadline when the meeting moves to another third of a month', () => {
    const mid = deadlineOf('direction-budget', withMeetingDate('x3', { kind: 'third', month: '2024-10', third: MonthThird.Mid }));
    const request = deadlineMovedRequest(GOMI, BUDGET, provisional, mid, NOW);
    expect(request.key).toBe('deadline-moved/2024/27/direction-budget/2024-10-04T08:00:00.000Z/provisional');
    expect(request.body).toContain('第3回X会議の日程が令和6年10月中旬（2024-10 中旬）になったため');
    expect(request.body).toContain('新しい期限: 令和6年10月4日（2024-10-04）(金) 17:00（日本時間）（暫定: ');
  });

  it('does not mark a fixed previous deadline as 暫定', () => {
    const request = deadlineMovedRequest(GOMI, BUDGET, fixedOn('2024-10-08'), fixedOn('2024-10-10'), NOW);
    expect(request.body).toContain('変更前の期限: 令和6年10月1日（2024-10-01）(火) 17:00\n');
    expect(request.body).toContain('新しい期限: 令和6年10月3日（2024-10-03）(木) 17:00（日本時間）');
    expect(request.body).not.toContain('暫定');
  });

  it('has a stable key that changes with the new deadline and with whether it is still provisional', () => {
    const once = deadlineMovedRequest(GOMI, BUDGET, provisional, fixedOn('2024-10-08'), NOW);
    const retried = deadlineMovedRequest(GOMI, BUDGET, provisional, fixedOn('2024-10-08'), '2024-07-02T00:00:00.000Z');
    expect(retried.key).toBe(once.key);
    expect(deadlineMovedRequest(GOMI, BUDGET, provisional, fixedOn('2024-10-10'), NOW).key).not.toBe(once.key);
    // Fixed on the very day it was planned against: same due instant, but people learn it is no longer provisional.
    const sameDay = deadlineMovedRequest(GOMI, BUDGET, provisional, fixedOn('2024-10-01'), NOW);
    expect(sameDay.dueAt).toBe(provisional.dueAt);
    expect(sameDay.key).toBe('deadline-moved/2024/27/direction-budget/2024-09-24T08:00:00.000Z/fixed');
    expect(sameDay.body).toContain('変更前の期限: 令和6年9月24日（2024-09-24）(火) 17:00（暫定）');
    expect(sameDay.body).not.toContain('新しい期限: 令和6年9月24日（2024-09-24）(火) 17:00（日本時間）（暫定');
  });
});
