import { meetingDateLabel, meetingDateProblems } from '@app/domain';
import { FY2024_MEETINGS } from './fy2024-calendar';
import { FY2024_LIFECYCLE_SETTINGS } from './fy2024-lifecycle-settings';

const byId = (id: string) => FY2024_MEETINGS.find((meeting) => meeting.id === id)!;

describe('FY2024 meetings', () => {
  it('are the kickoff and five X meetings, in order, with unique ids', () => {
    expect(FY2024_MEETINGS.map((meeting) => meeting.id)).toEqual(['kickoff', 'x1', 'x2', 'x3', 'x4', 'x5']);
    expect(FY2024_MEETINGS.map((meeting) => meeting.name)).toEqual(['キックオフ', '第1回X会議', '第2回X会議', '第3回X会議', '第4回X会議', '第5回X会議']);
  });

  it('fall on the dates of the seed: 6/4, 7/22, 8/21, early Oct, early Nov, late Dec', () => {
    expect(FY2024_MEETINGS.map((meeting) => meetingDateLabel(meeting.date))).toEqual([
      '令和6年6月4日（2024-06-04）',
      '令和6年7月22日（2024-07-22）',
      '令和6年8月21日（2024-08-21）',
      '令和6年10月上旬（2024-10 上旬）',
      '令和6年11月上旬（2024-11 上旬）',
      '令和6年12月下旬（2024-12 下旬）',
    ]);
  });

  it('have sound dates', () => {
    for (const meeting of FY2024_MEETINGS) expect(meetingDateProblems(meeting.date)).toEqual([]);
  });

  it('put clusters 22, 23, 25 and 34 on the 1st meeting, each with its interim report', () => {
    const agenda = byId('x1').agenda;
    expect(agenda.map((item) => item.clusterNo)).toEqual([22, 23, 25, 34]);
    expect(agenda.every((item) => item.reportKind === 'interim')).toBe(true);
  });

  it('put cluster 13 on the 2nd meeting with its interim report', () => {
    expect(byId('x2').agenda).toEqual([{ clusterNo: 13, reportKind: 'interim' }]);
  });

  it('leave the kickoff and the later meetings without a fixed agenda', () => {
    for (const id of ['kickoff', 'x3', 'x4', 'x5']) expect(byId(id).agenda).toEqual([]);
  });

  it('only name report kinds the year’s lifecycle knows', () => {
    const kinds = FY2024_LIFECYCLE_SETTINGS.reportKinds.map((kind) => kind.slug);
    for (const item of FY2024_MEETINGS.flatMap((meeting) => meeting.agenda)) expect(kinds).toContain(item.reportKind);
  });
});
