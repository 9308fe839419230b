import { CalendarSettings } from '../calendar/calendar-settings';
import { Meeting } from '../calendar/meeting';
import { ReportState, unwrittenReports } from './cluster-case';
import { ApprovalStatus } from '../approval/approval-document';
import { ClusterStage } from './cluster-stage';
import {
  boardRowProgress,
  DeadlineRisk,
  deadlineRisk,
  DeadlineSituation,
  dueForMeeting,
  nextMeeting,
  overdueBeforeKickoff,
  overdueFrom,
  owedDeadlines,
  reportProgress,
  ReportProgressState,
  YearCalendar,
} from './board-row';
import { Role } from '../roles';
import { LifecycleSettings } from './lifecycle-settings';

const settings: CalendarSettings = {
  deadlines: [
    { target: 'kickoff', meetingId: 'kickoff', leadBusinessDays: 5 },
    { target: 'interim', meetingId: 'x1', leadBusinessDays: 5 },
  ],
  reminderOffsets: [],
  digestLeadBusinessDays: 3,
  dueTime: '17:00',
};
const meetings: Meeting[] = [
  { id: 'x1', name: '第1回X会議', date: { kind: 'exact', date: '2024-07-22' }, agenda: [] },
  { id: 'kickoff', name: '経営分析着手会議', date: { kind: 'exact', date: '2024-06-04' }, agenda: [] },
];
const calendar: YearCalendar = { meetings, settings };
const lifecycle = {
  reportKinds: [{ slug: 'interim', label: '経過報告', stage: ClusterStage.InterimReport }],
  approvalChain: [{ role: Role.Manager, scope: 'owning-bureau' as const, label: '所管課長' }],
} as unknown as LifecycleSettings;
const [unwritten] = unwrittenReports(lifecycle);

const notStarted = (overrides: Partial<DeadlineSituation> = {}): DeadlineSituation => ({
  no: 7,
  stage: ClusterStage.NotStarted,
  analysedThisYear: true,
  plannedDeadlines: [],
  reports: [unwritten],
  ...overrides,
});
const BEFORE_KICKOFF_DUE = '2024-05-01T00:00:00.000Z';
const AFTER_ALL_DUE = '2024-12-01T00:00:00.000Z';

describe('reportProgress', () => {
  it('says each report state in the board\'s words, naming the step for 決裁中', () => {
    const step = { role: Role.Manager, scope: 'owning-bureau' as const, label: '所管課長', bureauCode: 'kankyo', delegatedTo: null, delegatedBy: null, approval: null };
    const inApproval: ReportState = {
      ...unwritten,
      status: ApprovalStatus.InApproval,
      submission: { version: 1, submittedBy: { id: 'u', name: 'n' } as never, submittedAt: AFTER_ALL_DUE, steps: [step], currentStep: 0 },
    };
    expect(reportProgress(unwritten)).toMatchObject({ state: ReportProgressState.NotStarted, stepLabel: null });
    expect(reportProgress({ ...unwritten, status: ApprovalStatus.Draft }).state).toBe('作成中');
    expect(reportProgress({ ...unwritten, status: ApprovalStatus.Returned }).state).toBe('差戻し');
    expect(reportProgress({ ...unwritten, status: ApprovalStatus.Approved }).state).toBe('承認済');
    expect(reportProgress(inApproval)).toMatchObject({ state: '決裁中', stepLabel: '所管課長' });
  });
});

describe('owedDeadlines and boardRowProgress', () => {
  it('has a cluster analysed this year but not kicked off owe its kickoff first, from the calendar', () => {
    const row = boardRowProgress(notStarted(), calendar, BEFORE_KICKOFF_DUE);
    expect(row.nextDeadline).toMatchObject({ target: 'kickoff', label: '経営分析の着手', meetingId: 'kickoff', dueDate: '2024-05-28', overdue: false });
    expect(row.overdue).toBe(false);
  });

  it('marks the row overdue once a deadline has passed unmet, as it is for a past year', () => {
    const row = boardRowProgress(notStarted(), calendar, AFTER_ALL_DUE);
    expect(row.overdue).toBe(true);
    expect(row.nextDeadline).toMatchObject({ target: 'kickoff', overdue: true });
  });

  it('owes nothing for a cluster not analysed this year, nor for a withdrawn or completed one', () => {
    expect(owedDeadlines(notStarted({ analysedThisYear: false }), calendar, AFTER_ALL_DUE)).toEqual([]);
    expect(owedDeadlines(notStarted({ stage: ClusterStage.Withdrawn }), calendar, AFTER_ALL_DUE)).toEqual([]);
    expect(owedDeadlines(notStarted({ stage: ClusterStage.Completed }), calendar, AFTER_ALL_DUE)).toEqual([]);
  });

  it('uses the planned deadlines once kicked off and drops those already met', () => {
    const planned = [{ target: 'interim', meetingId: 'x1', meetingName: '第1回X会議', meetingDateLabel: '', dueDate: '2024-07-12', dueAt: '2024-07-12T08:00:00.000Z', provisional: true }];
    const kickedOff = notStarted({ stage: ClusterStage.InterimReport, plannedDeadlines: planned });
    expect(owedDeadlines(kickedOff, { meetings: [], settings: null }, BEFORE_KICKOFF_DUE)).toEqual([expect.objectContaining({ target: 'interim', label: '経過報告', provisional: true })]);
    const approved = { ...kickedOff, reports: [{ ...unwritten, status: ApprovalStatus.Approved }] };
    expect(boardRowProgress(approved, calendar, AFTER_ALL_DUE)).toMatchObject({ nextDeadline: null, overdue: false });
  });
});

describe('overdueFrom and overdueBeforeKickoff: the 期限超過 rule in a form the read model can query', () => {
  const planned = [
    { target: 'interim', meetingId: 'x1', meetingName: '第1回X会議', meetingDateLabel: '', dueDate: '2024-07-12', dueAt: '2024-07-12T08:00:00.000Z', provisional: false },
  ];
  const moments = ['2024-05-01T00:00:00.000Z', '2024-05-28T07:59:59.999Z', '2024-05-28T08:00:00.001Z', '2024-07-12T08:00:00.001Z', AFTER_ALL_DUE];

  it('is the soonest unmet due time, and a row is overdue exactly when that time has passed', () => {
    const situations = [
      notStarted(),
      notStarted({ analysedThisYear: false }),
      notStarted({ stage: ClusterStage.InterimReport, plannedDeadlines: planned }),
      notStarted({ stage: ClusterStage.InterimReport, plannedDeadlines: planned, reports: [{ ...unwritten, status: ApprovalStatus.Approved }] }),
      notStarted({ stage: ClusterStage.Withdrawn, plannedDeadlines: planned }),
    ];
    expect(situations.map((situation) => overdueFrom(situation, calendar))).toEqual(['2024-05-28T08:00:00.000Z', null, '2024-07-12T08:00:00.000Z', null, null]);
    for (const situation of situations) {
      const from = overdueFrom(situation, calendar);
      for (const now of moments) expect(boardRowProgress(situation, calendar, now).overdue).toBe(from !== null && Date.parse(from) < Date.parse(now));
    }
  });

  it('judges clusters not kicked off as the board does: alike unless an agenda names them', () => {
    // Cluster 12's interim report is on the agenda of a meeting before the kickoff deadline, so it falls behind sooner.
    const early: Meeting = { id: 'x0', name: '臨時X会議', date: { kind: 'exact', date: '2024-05-10' }, agenda: [{ clusterNo: 12, reportKind: 'interim' }] } as Meeting;
    const withAgenda: YearCalendar = { meetings: [...meetings, early], settings };
    const now = '2024-05-20T00:00:00.000Z';
    const verdicts = overdueBeforeKickoff(withAgenda, [unwritten], now);
    expect(verdicts).toEqual({ unnamedWhenAnalysed: [], named: [12], namedOverdueWhenAnalysed: [12], namedOverdueWhenNotAnalysed: [] });
    for (const no of [1, 12, 13]) {
      for (const analysedThisYear of [true, false]) {
        const onBoard = boardRowProgress(notStarted({ no, analysedThisYear }), withAgenda, now).overdue;
        const named = verdicts.named.includes(no);
        const byVerdict = named
          ? (analysedThisYear ? verdicts.namedOverdueWhenAnalysed : verdicts.namedOverdueWhenNotAnalysed).includes(no)
          : verdicts.unnamedWhenAnalysed.includes(analysedThisYear);
        expect({ no, analysedThisYear, overdue: byVerdict }).toEqual({ no, analysedThisYear, overdue: onBoard });
      }
    }
    expect(overdueBeforeKickoff(calendar, [unwritten], AFTER_ALL_DUE)).toEqual({ unnamedWhenAnalysed: [true], named: [], namedOverdueWhenAnalysed: [], namedOverdueWhenNotAnalysed: [] });
  });
});

describe('nextMeeting', () => {
  it('is the first meeting on or after today, whatever order the list has', () => {
    expect(nextMeeting(meetings, '2024-06-04')?.id).toBe('kickoff');
    expect(nextMeeting(meetings, '2024-06-05')?.id).toBe('x1');
    expect(nextMeeting(meetings, '2024-07-23')).toBeNull();
  });
});

describe('deadlineRisk', () => {
  const due = (dueDate: string, done = false, overdue = false) => ({
    target: 'interim', meetingId: 'x1', meetingName: '', meetingDateLabel: '', dueDate, dueAt: `${dueDate}T08:00:00.000Z`, provisional: false, label: '経過報告', done, overdue,
  });
  const writing = { kind: 'interim', label: '経過報告', state: ReportProgressState.Writing, stepLabel: null };
  const inApproval = { ...writing, state: ReportProgressState.InApproval };

  it('is overdue past the deadline, whatever the report state', () => {
    expect(deadlineRisk(due('2024-07-12', false, true), inApproval, '2024-07-13T00:00:00.000Z')).toBe(DeadlineRisk.Overdue);
  });

  it('is due-soon within 3 business days while the report is not yet submitted, not when it is in 決裁', () => {
    // 2024-07-12 is a Friday: 3 business days before is Tuesday 2024-07-09.
    expect(deadlineRisk(due('2024-07-12'), writing, '2024-07-09T00:00:00.000Z')).toBe(DeadlineRisk.DueSoon);
    expect(deadlineRisk(due('2024-07-12'), writing, '2024-07-07T00:00:00.000Z')).toBeNull();
    expect(deadlineRisk(due('2024-07-12'), inApproval, '2024-07-11T00:00:00.000Z')).toBeNull();
  });

  it('is never at risk once met', () => {
    expect(deadlineRisk(due('2024-07-12', true), writing, '2024-07-11T00:00:00.000Z')).toBeNull();
  });
});

describe('dueForMeeting', () => {
  it('lists what is owed for the meeting, at-risk first', () => {
    const now = '2024-07-10T00:00:00.000Z';
    // No.7 is kicked off with its kickoff met; No.8 is analysed but not kicked off, past its kickoff deadline.
    const clusters = [notStarted({ no: 7, stage: ClusterStage.Kickoff }), notStarted({ no: 8 })].map((situation) => ({
      cluster: { no: situation.no },
      owed: owedDeadlines(situation, calendar, now),
      reports: situation.reports.map(reportProgress),
    }));
    const items = dueForMeeting(clusters, 'kickoff', now);
    expect(items.map((item) => [item.cluster.no, item.risk])).toEqual([[8, DeadlineRisk.Overdue]]);
    // Its 経過報告, due 2024-07-12, is within 3 business days and unwritten.
    expect(dueForMeeting(clusters, 'x1', now).map((item) => [item.cluster.no, item.deadline.target, item.risk])).toEqual([[8, 'interim', DeadlineRisk.DueSoon]]);
  });

  it('counts a report at risk, however far off, when its cluster has not been kicked off by its kickoff deadline', () => {
    // 2024-06-20: the kickoff (2024-05-28) is past; the 経過報告 (2024-07-12) is weeks away.
    const now = '2024-06-20T00:00:00.000Z';
    const late = notStarted({ no: 8 });
    const items = dueForMeeting([{ cluster: { no: 8 }, owed: owedDeadlines(late, calendar, now), reports: late.reports.map(reportProgress) }], 'x1', now);
    expect(items.map((item) => [item.deadline.target, item.risk])).toEqual([['interim', DeadlineRisk.KickoffLate]]);
  });
});
