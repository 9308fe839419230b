import { Role } from '../roles';
import { decideMeetingChange, MeetingChange } from './meeting-change';
import { MonthThird } from './meeting-date';
import { FY2024_MEETINGS } from '../../../persistence/src/seed/fy2024-calendar';

const office = { id: 'u-office', name: '市政変革 一郎', roles: [Role.ReformOffice], bureauCode: null };
const manager = { id: 'u-manager', name: '環境 課長', roles: [Role.Manager], bureauCode: 'kankyo' };

const change = (fields: Partial<MeetingChange>): MeetingChange => ({ meetingId: 'x3', create: false, actor: office, ...fields });

function refusalOf(input: MeetingChange) {
  const decision = decideMeetingChange(FY2024_MEETINGS, input);
  if (decision.accepted) throw new Error(`accepted: ${JSON.stringify(decision.meeting)}`);
  return decision.refusal;
}

describe('decideMeetingChange', () => {
  it('fixes a 上旬 date, keeping name and agenda, and says the meeting moved', () => {
    const decision = decideMeetingChange(FY2024_MEETINGS, change({ date: { kind: 'exact', date: '2024-10-07' } }));
    expect(decision).toEqual({
      accepted: true,
      before: FY2024_MEETINGS[3],
      meeting: { id: 'x3', name: '第3回X会議', date: { kind: 'exact', date: '2024-10-07' }, agenda: [] },
      changed: ['date'],
      moved: true,
    });
  });

  it('replaces the agenda without moving the meeting', () => {
    const agenda = [{ clusterNo: 27, reportKind: 'direction-budget' }];
    const decision = decideMeetingChange(FY2024_MEETINGS, change({ agenda }));
    expect(decision).toMatchObject({ accepted: true, meeting: { id: 'x3', agenda }, changed: ['agenda'], moved: false });
  });

  it('counts a date given again unchanged as no move', () => {
    const decision = decideMeetingChange(FY2024_MEETINGS, change({ date: { kind: 'third', month: '2024-10', third: MonthThird.Early }, name: '第3回X会議（改）' }));
    expect(decision).toMatchObject({ accepted: true, changed: ['name'], moved: false });
  });

  it('creates a meeting with a name and a date', () => {
    const decision = decideMeetingChange(FY2024_MEETINGS, change({ meetingId: 'x6', create: true, name: '第6回X会議', date: { kind: 'exact', date: '2025-02-25' } }));
    expect(decision).toEqual({
      accepted: true,
      before: null,
      meeting: { id: 'x6', name: '第6回X会議', date: { kind: 'exact', date: '2025-02-25' }, agenda: [] },
      changed: ['name', 'date'],
      moved: false,
    });
  });

  it.each<[string, MeetingChange, string]>([
    ['anyone but the reform office', change({ actor: manager, name: '変更' }), 'reform-office.only'],
    ['a change of nothing', change({}), 'request.invalid'],
    ['an unknown meeting', change({ meetingId: 'nope', name: '変更' }), 'meeting.unknown'],
    ['creating a meeting that exists', change({ meetingId: 'x2', create: true, name: '重複', date: { kind: 'exact', date: '2025-02-25' } }), 'meeting.exists'],
    ['a new meeting without a date', change({ meetingId: 'x6', create: true, name: '第6回X会議' }), 'request.invalid'],
    ['a new meeting whose id is no slug', change({ meetingId: 'X 6', create: true, name: '第6回', date: { kind: 'exact', date: '2025-02-25' } }), 'request.invalid'],
    ['a name of spaces', change({ name: ' 　 ' }), 'request.invalid'],
    ['a name over the limit', change({ name: '会'.repeat(101) }), 'request.invalid'],
    ['a date that does not exist', change({ date: { kind: 'exact', date: '2024-02-30' } }), 'request.invalid'],
    ['a month that does not exist', change({ date: { kind: 'third', month: '2024-13', third: MonthThird.Early } }), 'request.invalid'],
  ])('refuses %s', (_case, input, code) => {
    expect(refusalOf(input).code).toBe(code);
  });

  it('names the offending field', () => {
    expect(refusalOf(change({ name: '   ' })).fields).toEqual([{ field: 'name', problems: ['会議の名称を入力してください'] }]);
    expect(refusalOf(change({ date: { kind: 'exact', date: '2024-02-30' } })).fields).toEqual([
      { field: 'date', problems: ['日付 2024-02-30 は YYYY-MM-DD 形式の存在する日付で指定してください'] },
    ]);
  });

  it('keeps the messages people read today', () => {
    expect(refusalOf(change({ actor: manager, name: '変更' })).message).toBe('X会議の日程と議題は市政変革室だけが変更できます');
    expect(refusalOf(change({})).message).toBe('変更する項目（会議の名称・日付・議題のどれか）を指定してください');
    expect(refusalOf(change({ meetingId: 'nope', name: '変更' })).message).toBe('会議 nope はありません');
  });
});
