import { CalendarSettings } from './calendar-settings';
import { clusterDeadlines, Deadline, digestInstant, meetingsForCluster, yearDeadlines } from './deadlines';
import { Meeting } from './meeting';
import { MeetingDate, MonthThird } from './meeting-date';
import { FY2024_CALENDAR_SETTINGS, FY2024_MEETINGS } from '../../../persistence/src/seed/fy2024-calendar';

const deadlineOf = (deadlines: Deadline[], target: string) => deadlines.find((deadline) => deadline.target === target);
const meeting = (id: string) => FY2024_MEETINGS.find((candidate) => candidate.id === id)!;
const withMeeting = (id: string, changes: Partial<Meeting>): Meeting[] =>
  FY2024_MEETINGS.map((candidate) => (candidate.id === id ? { ...candidate, ...changes } : candidate));
const fy2024 = (clusterNo: number) => clusterDeadlines(clusterNo, FY2024_MEETINGS, FY2024_CALENDAR_SETTINGS);

describe('clusterDeadlines with the FY2024 meetings and settings', () => {
  it('gives a cluster not on any agenda (27 ごみ処理事業) the year’s default deadlines, in the settings’ order', () => {
    expect(fy2024(27)).toEqual([
      {
        target: 'kickoff',
        meetingId: 'kickoff',
        meetingName: 'キックオフ',
        meetingDateLabel: '令和6年6月4日（2024-06-04）',
        dueDate: '2024-06-04',
        dueAt: '2024-06-04T08:00:00.000Z',
        provisional: false,
      },
      {
        target: 'interim',
        meetingId: 'x1',
        meetingName: '第1回X会議',
        meetingDateLabel: '令和6年7月22日（2024-07-22）',
        dueDate: '2024-07-12',
        dueAt: '2024-07-12T08:00:00.000Z',
        provisional: false,
      },
      {
        target: 'direction-budget',
        meetingId: 'x3',
        meetingName: '第3回X会議',
        meetingDateLabel: '令和6年10月上旬（2024-10 上旬）',
        dueDate: '2024-09-24',
        dueAt: '2024-09-24T08:00:00.000Z',
        provisional: true,
      },
      {
        target: 'direction-system',
        meetingId: 'x5',
        meetingName: '第5回X会議',
        meetingDateLabel: '令和6年12月下旬（2024-12 下旬）',
        dueDate: '2024-12-16',
        dueAt: '2024-12-16T08:00:00.000Z',
        provisional: true,
      },
      {
        target: 'final',
        meetingId: 'x5',
        meetingName: '第5回X会議',
        meetingDateLabel: '令和6年12月下旬（2024-12 下旬）',
        dueDate: '2024-12-16',
        dueAt: '2024-12-16T08:00:00.000Z',
        provisional: true,
      },
    ]);
  });

  it('makes the interim report of a cluster on the 1st meeting’s agenda (22) due 5 business days before 7/22, skipping 海の日: 2024-07-12 17:00', () => {
    expect(deadlineOf(fy2024(22), 'interim')).toMatchObject({ meetingId: 'x1', dueDate: '2024-07-12', dueAt: '2024-07-12T08:00:00.000Z', provisional: false });
  });

  it('gives every cluster of the 1st meeting’s agenda the same interim deadline as a cluster on no agenda', () => {
    const unlisted = deadlineOf(fy2024(27), 'interim');
    for (const clusterNo of [22, 23, 25, 34]) expect(deadlineOf(fy2024(clusterNo), 'interim')).toEqual(unlisted);
  });

  it('moves the interim report of a cluster on the 2nd meeting’s agenda (13 文化振興施策) to 5 business days before 8/21', () => {
    expect(deadlineOf(fy2024(13), 'interim')).toEqual({
      target: 'interim',
      meetingId: 'x2',
      meetingName: '第2回X会議',
      meetingDateLabel: '令和6年8月21日（2024-08-21）',
      dueDate: '2024-08-14',
      dueAt: '2024-08-14T08:00:00.000Z',
      provisional: false,
    });
  });

  it('keeps the other deadlines of an agenda cluster at the year’s defaults', () => {
    const own = fy2024(13).filter((deadline) => deadline.target !== 'interim');
    const unlisted = fy2024(27).filter((deadline) => deadline.target !== 'interim');
    expect(own).toEqual(unlisted);
  });

  it('plans the budget direction report against 2024-10-01, the first day of the 3rd meeting’s 上旬, and marks it provisional', () => {
    const deadline = deadlineOf(fy2024(27), 'direction-budget')!;
    expect(deadline.provisional).toBe(true);
    expect(deadline.dueDate).toBe('2024-09-24'); // 5 business days before Tuesday 2024-10-01
    expect(deadline.meetingDateLabel).toBe('令和6年10月上旬（2024-10 上旬）');
  });

  it('puts every due instant at 17:00 Tokyo, 08:00 UTC', () => {
    for (const deadline of fy2024(27)) expect(deadline.dueAt).toBe(`${deadline.dueDate}T08:00:00.000Z`);
  });
});

describe('clusterDeadlines when meetings move', () => {
  const direction = (date: MeetingDate) => deadlineOf(clusterDeadlines(27, withMeeting('x3', { date }), FY2024_CALENDAR_SETTINGS), 'direction-budget')!;

  it('re-plans the budget direction report the moment the 3rd meeting gets its exact date, and it is no longer provisional', () => {
    expect(direction({ kind: 'exact', date: '2024-10-08' })).toMatchObject({
      meetingDateLabel: '令和6年10月8日（2024-10-08）',
      dueDate: '2024-10-01',
      dueAt: '2024-10-01T08:00:00.000Z',
      provisional: false,
    });
  });

  it('keeps the due date when the exact day turns out to be the third’s first day, but drops the provisional mark', () => {
    expect(direction({ kind: 'exact', date: '2024-10-01' })).toMatchObject({ dueDate: '2024-09-24', provisional: false });
  });

  it('plans against the 11th for 中旬 and the 21st for 下旬', () => {
    expect(direction({ kind: 'third', month: '2024-10', third: MonthThird.Mid })).toMatchObject({ dueDate: '2024-10-04', provisional: true });
    // 2024-10-21 is a Monday; 10/14 (スポーツの日) is skipped.
    expect(direction({ kind: 'third', month: '2024-10', third: MonthThird.Late })).toMatchObject({ dueDate: '2024-10-11', provisional: true });
  });

  it('follows the 1st meeting when it moves, for listed and unlisted clusters alike', () => {
    const meetings = withMeeting('x1', { date: { kind: 'exact', date: '2024-07-29' } });
    expect(deadlineOf(clusterDeadlines(22, meetings, FY2024_CALENDAR_SETTINGS), 'interim')?.dueDate).toBe('2024-07-22');
    expect(deadlineOf(clusterDeadlines(27, meetings, FY2024_CALENDAR_SETTINGS), 'interim')?.dueDate).toBe('2024-07-22');
    expect(deadlineOf(clusterDeadlines(13, meetings, FY2024_CALENDAR_SETTINGS), 'interim')?.dueDate).toBe('2024-08-14');
  });
});

describe('clusterDeadlines with other agendas and settings', () => {
  it('lets any report kind follow the agenda: a cluster whose budget direction is on the 4th meeting is due before early November', () => {
    const meetings = withMeeting('x4', { agenda: [{ clusterNo: 27, reportKind: 'direction-budget' }] });
    // 2024-11-01 is a Friday; 5 business days before is Friday 2024-10-25.
    expect(deadlineOf(clusterDeadlines(27, meetings, FY2024_CALENDAR_SETTINGS), 'direction-budget')).toMatchObject({
      meetingId: 'x4',
      meetingName: '第4回X会議',
      dueDate: '2024-10-25',
      provisional: true,
    });
    expect(deadlineOf(clusterDeadlines(33, meetings, FY2024_CALENDAR_SETTINGS), 'direction-budget')?.meetingId).toBe('x3');
  });

  it('does not move the kickoff because of an agenda', () => {
    const meetings = withMeeting('x2', { agenda: [{ clusterNo: 27, reportKind: 'kickoff' }] });
    expect(deadlineOf(clusterDeadlines(27, meetings, FY2024_CALENDAR_SETTINGS), 'kickoff')?.meetingId).toBe('kickoff');
  });

  it('matches an agenda item on both the cluster and the report kind', () => {
    const meetings = withMeeting('x2', { agenda: [{ clusterNo: 27, reportKind: 'final' }] });
    const deadlines = clusterDeadlines(27, meetings, FY2024_CALENDAR_SETTINGS);
    expect(deadlineOf(deadlines, 'interim')?.meetingId).toBe('x1');
    expect(deadlineOf(deadlines, 'final')?.meetingId).toBe('x2');
  });

  it('leaves out a deadline whose meeting is missing, unless an agenda names the cluster', () => {
    const withoutX1 = FY2024_MEETINGS.filter((candidate) => candidate.id !== 'x1');
    expect(deadlineOf(clusterDeadlines(27, withoutX1, FY2024_CALENDAR_SETTINGS), 'interim')).toBeUndefined();
    expect(clusterDeadlines(27, withoutX1, FY2024_CALENDAR_SETTINGS)).toHaveLength(4);
    expect(deadlineOf(clusterDeadlines(13, withoutX1, FY2024_CALENDAR_SETTINGS), 'interim')?.meetingId).toBe('x2');
  });

  it('uses the year’s due time and lead times', () => {
    const settings: CalendarSettings = { ...FY2024_CALENDAR_SETTINGS, dueTime: '09:30', deadlines: [{ target: 'interim', meetingId: 'x1', leadBusinessDays: 1 }] };
    expect(clusterDeadlines(27, FY2024_MEETINGS, settings)).toEqual([
      expect.objectContaining({ target: 'interim', dueDate: '2024-07-19', dueAt: '2024-07-19T00:30:00.000Z' }),
    ]);
  });

  it('is empty without meetings', () => {
    expect(clusterDeadlines(27, [], FY2024_CALENDAR_SETTINGS)).toEqual([]);
  });
});

describe('yearDeadlines', () => {
  it('gives every cluster what clusterDeadlines gives it, for clusters on an agenda and off it', () => {
    const meetings = withMeeting('x4', { agenda: [{ clusterNo: 27, reportKind: 'direction-budget' }, { clusterNo: 13, reportKind: 'final' }] });
    const plan = yearDeadlines(meetings, FY2024_CALENDAR_SETTINGS);
    for (const no of [1, 13, 27, 33, 57]) expect(plan(no)).toEqual(clusterDeadlines(no, meetings, FY2024_CALENDAR_SETTINGS));
    expect(plan(27)).not.toEqual(plan(33));
  });
});

describe('digestInstant', () => {
  it('sends the 1st meeting’s digest 3 business days before, at 17:00 Tokyo', () => {
    expect(digestInstant(meeting('x1'), FY2024_CALENDAR_SETTINGS)).toBe('2024-07-17T08:00:00.000Z');
  });

  it('counts back from the earliest day of a meeting known only to a third of a month', () => {
    expect(digestInstant(meeting('x3'), FY2024_CALENDAR_SETTINGS)).toBe('2024-09-26T08:00:00.000Z');
    // 下旬 of December 2024 starts on Saturday the 21st.
    expect(digestInstant(meeting('x5'), FY2024_CALENDAR_SETTINGS)).toBe('2024-12-18T08:00:00.000Z');
  });

  it('skips holidays, and zero lead means the meeting day itself', () => {
    const settings = { ...FY2024_CALENDAR_SETTINGS, digestLeadBusinessDays: 1 };
    expect(digestInstant({ ...meeting('x4'), date: { kind: 'exact', date: '2024-11-05' } }, settings)).toBe('2024-11-01T08:00:00.000Z');
    expect(digestInstant(meeting('x2'), { ...settings, digestLeadBusinessDays: 0, dueTime: '10:00' })).toBe('2024-08-21T01:00:00.000Z');
  });
});

describe('meetingsForCluster', () => {
  // Every report of every cluster on some meeting's agenda, as a year's full agendas would have them.
  const crowded = FY2024_MEETINGS.map((candidate, index) => ({
    ...candidate,
    agenda: Array.from({ length: 57 }, (_, no) => ({ clusterNo: no + 1, reportKind: ['interim', 'direction-budget', 'direction-system', 'final'][(no + index) % 4] })),
  }));

  it('keeps only the cluster’s own agenda items, and the meetings as they are otherwise', () => {
    const trimmed = meetingsForCluster(crowded, 27);
    expect(trimmed.map((candidate) => candidate.agenda.map((item) => item.clusterNo))).toEqual(crowded.map(() => [27]));
    expect(trimmed.map(({ id, name, date }) => ({ id, name, date }))).toEqual(crowded.map(({ id, name, date }) => ({ id, name, date })));
  });

  it('plans every cluster’s deadlines as the whole calendar does', () => {
    for (let no = 1; no <= 57; no += 1) {
      expect(clusterDeadlines(no, meetingsForCluster(crowded, no), FY2024_CALENDAR_SETTINGS)).toEqual(clusterDeadlines(no, crowded, FY2024_CALENDAR_SETTINGS));
      expect(clusterDeadlines(no, meetingsForCluster(FY2024_MEETINGS, no), FY2024_CALENDAR_SETTINGS)).toEqual(fy2024(no));
    }
  });
});
