import { itemsDueForMeeting } from './meeting-due-items';

describe('items due for a meeting', () => {
  const deadlines = [
    { target: 'kickoff', meetingId: 'kickoff' },
    { target: 'interim', meetingId: 'x1' },
    { target: 'direction-budget', meetingId: 'x3' },
    { target: 'direction', meetingId: 'x3' },
  ];
  const items = [
    { clusterNo: 1, reportKind: 'interim' },
    { clusterNo: 2, reportKind: 'direction-budget' },
    { clusterNo: 3, reportKind: 'direction' },
    { clusterNo: 4, reportKind: 'final' },
  ];

  it('keeps the open items whose report kind is pegged to the meeting', () => {
    expect(itemsDueForMeeting('x3', deadlines, items).map((item) => item.clusterNo)).toEqual([2, 3]);
    expect(itemsDueForMeeting('x1', deadlines, items).map((item) => item.clusterNo)).toEqual([1]);
  });

  it('has nothing for a meeting no deadline is pegged to', () => {
    expect(itemsDueForMeeting('x5', deadlines, items)).toEqual([]);
  });
});
