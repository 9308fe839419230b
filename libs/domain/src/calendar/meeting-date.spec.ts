import {
  dayAfterMeeting,
  earliestMeetingDay,
  isProvisional,
  isValidIsoDate,
  MeetingDate,
  meetingDateLabel,
  meetingDateProblems,
  MONTH_THIRD_LABELS,
  MonthThird,
  sameMeetingDate,
  shiftMeetingDate,
} from './meeting-date';

const exact = (date: string): MeetingDate => ({ kind: 'exact', date });
const third = (month: string, which: MonthThird): MeetingDate => ({ kind: 'third', month, third: which });

describe('isValidIsoDate', () => {
  it.each(['2024-07-22', '2024-02-29', '2024-12-31', '2025-01-01'])('accepts the real day %s', (value) => {
    expect(isValidIsoDate(value)).toBe(true);
  });

  it.each([
    ['2023-02-29', 'no leap day in 2023'],
    ['2024-02-30', 'February never has 30 days'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-13-01', 'there is no 13th month'],
    ['2024-00-10', 'there is no month 0'],
    ['2024-07-00', 'there is no day 0'],
    ['2024-7-22', 'month not zero-padded'],
    ['2024/07/22', 'slashes'],
    ['2024-07-22T00:00:00Z', 'an instant, not a date'],
    ['', 'empty'],
    ['令和6年7月22日', 'Japanese era text'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidIsoDate(value)).toBe(false);
  });
});

describe('meetingDateProblems', () => {
  it('finds nothing wrong with an exact real date or a sound month third', () => {
    expect(meetingDateProblems(exact('2024-07-22'))).toEqual([]);
    expect(meetingDateProblems(third('2024-10', MonthThird.Early))).toEqual([]);
    expect(meetingDateProblems(third('2024-12', MonthThird.Late))).toEqual([]);
  });

  it('names a date that does not exist, in Japanese', () => {
    expect(meetingDateProblems(exact('2024-02-30'))).toEqual(['日付 2024-02-30 は YYYY-MM-DD 形式の存在する日付で指定してください']);
  });

  it.each(['2024-13', '2024-00', '2024-1', '2024', '2024-10-01'])('rejects the month %s', (month) => {
    expect(meetingDateProblems(third(month, MonthThird.Mid))).toEqual([`月 ${month} は YYYY-MM 形式で指定してください`]);
  });

  it('rejects a third that is not early, mid or late', () => {
    expect(meetingDateProblems(third('2024-10', 'beginning' as MonthThird))).toEqual(['旬は early（上旬）/ mid（中旬）/ late（下旬）のいずれかで指定してください']);
  });

  it('reports a bad month and a bad third together', () => {
    expect(meetingDateProblems(third('10月', 'first' as MonthThird))).toHaveLength(2);
  });
});

describe('earliestMeetingDay', () => {
  it('is the date itself for an exact date', () => {
    expect(earliestMeetingDay(exact('2024-08-21'))).toBe('2024-08-21');
  });

  it('is the 1st, 11th or 21st of the month for 上旬, 中旬, 下旬', () => {
    expect(earliestMeetingDay(third('2024-10', MonthThird.Early))).toBe('2024-10-01');
    expect(earliestMeetingDay(third('2024-11', MonthThird.Mid))).toBe('2024-11-11');
    expect(earliestMeetingDay(third('2024-12', MonthThird.Late))).toBe('2024-12-21');
  });

  it('works for months that cross into the next calendar year of the fiscal year', () => {
    expect(earliestMeetingDay(third('2025-02', MonthThird.Late))).toBe('2025-02-21');
  });
});

describe('isProvisional', () => {
  it('is provisional only while the date is known to a third of a month', () => {
    expect(isProvisional(third('2024-10', MonthThird.Early))).toBe(true);
    expect(isProvisional(exact('2024-10-01'))).toBe(false);
  });
});

describe('meetingDateLabel', () => {
  it('writes an exact date as staff write it, without zero padding', () => {
    expect(meetingDateLabel(exact('2024-07-22'))).toBe('令和6年7月22日（2024-07-22）');
    expect(meetingDateLabel(exact('2024-06-04'))).toBe('令和6年6月4日（2024-06-04）');
  });

  it('writes a third of a month with 上旬 / 中旬 / 下旬', () => {
    expect(meetingDateLabel(third('2024-10', MonthThird.Early))).toBe('令和6年10月上旬（2024-10 上旬）');
    expect(meetingDateLabel(third('2024-11', MonthThird.Mid))).toBe('令和6年11月中旬（2024-11 中旬）');
    expect(meetingDateLabel(third('2024-12', MonthThird.Late))).toBe('令和6年12月下旬（2024-12 下旬）');
    expect(meetingDateLabel(third('2025-03', MonthThird.Early))).toBe('令和7年3月上旬（2025-03 上旬）');
  });

  it('labels every third', () => {
    expect(MONTH_THIRD_LABELS).toEqual({ early: '上旬', mid: '中旬', late: '下旬' });
  });
});

describe('sameMeetingDate', () => {
  it('is true for the same exact date and for the same third of the same month', () => {
    expect(sameMeetingDate(exact('2024-10-03'), exact('2024-10-03'))).toBe(true);
    expect(sameMeetingDate(third('2024-10', MonthThird.Early), third('2024-10', MonthThird.Early))).toBe(true);
  });

  it('is false when the day, the month or the third differs', () => {
    expect(sameMeetingDate(exact('2024-10-03'), exact('2024-10-04'))).toBe(false);
    expect(sameMeetingDate(third('2024-10', MonthThird.Early), third('2024-11', MonthThird.Early))).toBe(false);
    expect(sameMeetingDate(third('2024-10', MonthThird.Early), third('2024-10', MonthThird.Mid))).toBe(false);
  });

  it('treats fixing the exact day as a change, even when it is the third’s first day', () => {
    expect(sameMeetingDate(third('2024-10', MonthThird.Early), exact('2024-10-01'))).toBe(false);
    expect(sameMeetingDate(exact('2024-10-01'), third('2024-10', MonthThird.Early))).toBe(false);
  });
});

describe('shiftMeetingDate', () => {
  it('carries an exact date to the same day of another year', () => {
    expect(shiftMeetingDate(exact('2024-07-22'), 1)).toEqual(exact('2025-07-22'));
    expect(shiftMeetingDate(exact('2024-07-22'), -1)).toEqual(exact('2023-07-22'));
  });

  it('carries a third of a month to the same third of another year', () => {
    expect(shiftMeetingDate(third('2024-10', MonthThird.Early), 1)).toEqual(third('2025-10', MonthThird.Early));
  });

  it('turns 29 February into 28 February in a common year, and keeps it in a leap year', () => {
    expect(shiftMeetingDate(exact('2024-02-29'), 1)).toEqual(exact('2025-02-28'));
    expect(shiftMeetingDate(exact('2024-02-29'), 4)).toEqual(exact('2028-02-29'));
  });
});

describe('dayAfterMeeting', () => {
  it('is the next day for an exact date, across month and year ends', () => {
    expect(dayAfterMeeting(exact('2024-07-22'))).toBe('2024-07-23');
    expect(dayAfterMeeting(exact('2024-12-31'))).toBe('2025-01-01');
  });

  it('follows the last day a third can reach: the 10th, the 20th, the month end', () => {
    expect(dayAfterMeeting(third('2024-10', MonthThird.Early))).toBe('2024-10-11');
    expect(dayAfterMeeting(third('2024-10', MonthThird.Mid))).toBe('2024-10-21');
    expect(dayAfterMeeting(third('2024-02', MonthThird.Late))).toBe('2024-03-01');
    expect(dayAfterMeeting(third('2024-12', MonthThird.Late))).toBe('2025-01-01');
  });
});

describe('meetingDateLabel in 和暦 with 西暦', () => {
  it('writes a fixed meeting date like any other day', () => {
    expect(meetingDateLabel({ kind: 'exact', date: '2024-10-09' })).toBe('令和6年10月9日（2024-10-09）');
  });

  it.each([
    [{ month: '2024-10', third: MonthThird.Early }, '令和6年10月上旬（2024-10 上旬）'],
    [{ month: '2024-11', third: MonthThird.Mid }, '令和6年11月中旬（2024-11 中旬）'],
    [{ month: '2019-05', third: MonthThird.Late }, '令和元年5月下旬（2019-05 下旬）'],
    [{ month: '2019-04', third: MonthThird.Late }, '平成31年4月下旬（2019-04 下旬）'],
  ])('writes a meeting known only to a third of a month as that third: %o is %s', (third, label) => {
    expect(meetingDateLabel({ kind: 'third', ...third })).toBe(label);
  });
});
