import { CalendarSettings, KICKOFF_TARGET, Meeting, MonthThird } from '@app/domain';

/**
 * FY2024 as the seed document lists it: kickoff 6/4, 1st 7/22, 2nd 8/21, 3rd early October,
 * 4th early November, 5th late December; the 1st takes up 保育所・幼稚園 (22), 子育て支援事業 (23),
 * 青少年関連事業 (25) and 公園事業 (34), the 2nd 文化振興施策 (13), each with its interim report.
 */
export const FY2024_MEETINGS: readonly Meeting[] = [
  { id: 'kickoff', name: 'キックオフ', date: { kind: 'exact', date: '2024-06-04' }, agenda: [] },
  {
    id: 'x1',
    name: '第1回X会議',
    date: { kind: 'exact', date: '2024-07-22' },
    agenda: [22, 23, 25, 34].map((clusterNo) => ({ clusterNo, reportKind: 'interim' })),
  },
  { id: 'x2', name: '第2回X会議', date: { kind: 'exact', date: '2024-08-21' }, agenda: [{ clusterNo: 13, reportKind: 'interim' }] },
  { id: 'x3', name: '第3回X会議', date: { kind: 'third', month: '2024-10', third: MonthThird.Early }, agenda: [] },
  { id: 'x4', name: '第4回X会議', date: { kind: 'third', month: '2024-11', third: MonthThird.Early }, agenda: [] },
  { id: 'x5', name: '第5回X会議', date: { kind: 'third', month: '2024-12', third: MonthThird.Late }, agenda: [] },
];

/** FY2024: the kickoff on the kickoff meeting, each report five business days before the meeting it is for; reminders 7, 3 and 1 days ahead. */
export const FY2024_CALENDAR_SETTINGS: CalendarSettings = {
  deadlines: [
    { target: KICKOFF_TARGET, meetingId: 'kickoff', leadBusinessDays: 0 },
    { target: 'interim', meetingId: 'x1', leadBusinessDays: 5 },
    { target: 'direction-budget', meetingId: 'x3', leadBusinessDays: 5 },
    { target: 'direction-system', meetingId: 'x5', leadBusinessDays: 5 },
    { target: 'final', meetingId: 'x5', leadBusinessDays: 5 },
  ],
  reminderOffsets: ['P7D', 'P3D', 'P1D'],
  digestLeadBusinessDays: 3,
  dueTime: '17:00',
};
