import { Meeting } from '@app/domain';
import { ClusterEventRepository, MeetingRepository, NewAuditEntry } from '@app/persistence';
import { DataSource } from 'typeorm';
import { useTestDataSource } from '../support/test-data-source';

describe('recording a change of a meeting', () => {
  const testbed = useTestDataSource();
  let dataSource: DataSource;
  let events: ClusterEventRepository;
  let meetings: MeetingRepository;

  beforeAll(async () => {
    dataSource = testbed.dataSource;
    events = new ClusterEventRepository(dataSource);
    meetings = new MeetingRepository(dataSource);
  });

  const moved = (id: string, day: number): Meeting => ({ id, name: '第3回X会議', date: { kind: 'exact', date: `2024-10-${String(day).padStart(2, '0')}` }, agenda: [] });
  const entry = (eventId: string, meeting: Meeting): NewAuditEntry => ({
    eventId,
    occurredAt: '2024-09-01T00:00:00.000Z',
    fiscalYear: 2024,
    clusterNo: null,
    actorId: null,
    actorName: '市政変革室',
    action: 'change-meeting',
    fromState: '令和6年10月上旬（2024-10 上旬）',
    toState: JSON.stringify(meeting.date),
    reportKind: null,
    comment: null,
    details: { meetingId: meeting.id },
    subject: null,
  });

  const auditRows = () => dataSource.query(`SELECT event_id, cluster_no, action, to_state FROM audit_events WHERE fiscal_year = 2024 ORDER BY id`);

  it('writes the audit entry and the meeting together', async () => {
    expect(await events.applyMeetingChange(entry('calendar/2024#move-1', moved('x3', 8)), moved('x3', 8))).toEqual({ applied: true });
    expect((await meetings.find(2024, 'x3'))?.date).toEqual({ kind: 'exact', date: '2024-10-08' });
    expect(await auditRows()).toEqual([{ event_id: 'calendar/2024#move-1', cluster_no: null, action: 'change-meeting', to_state: JSON.stringify(moved('x3', 8).date) }]);
  });

  it('changes nothing when a change is retried after a later one', async () => {
    await events.applyMeetingChange(entry('calendar/2024#move-2', moved('x3', 10)), moved('x3', 10));
    expect(await events.applyMeetingChange(entry('calendar/2024#move-1', moved('x3', 8)), moved('x3', 8))).toEqual({ applied: false });
    expect((await meetings.find(2024, 'x3'))?.date).toEqual({ kind: 'exact', date: '2024-10-10' });
    expect(await auditRows()).toHaveLength(2);
  });
});
