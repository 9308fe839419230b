import { ClusterStage, STAGE_LABELS } from '../lifecycle/cluster-stage';
import { APPROVAL_STATUS_LABELS, ApprovalStatus } from '../approval/approval-document';
import { NotificationKind, NotificationRequest } from '../notifications/notification';
import { Role } from '../roles';
import { Meeting } from './meeting';
import { meetingDateLabel } from './meeting-date';
import { formatTokyoDateTime } from './japanese-era-dates';

/** One report on a meeting's agenda, as it stands when the digest goes out. */
export interface DigestItem {
  readonly owningBureauCode: string;
  readonly clusterNo: number;
  readonly clusterName: string;
  readonly reportLabel: string;
  /** null while the cluster's analysis has not been kicked off. */
  readonly reportStatus: ApprovalStatus | null;
  readonly stage: ClusterStage;
}

/**
 * X会議の案内: one notification per owning bureau on the agenda, to its staff, managers and director,
 * listing what the bureau presents and where each report stands, in agenda order.
 */
export function meetingDigestRequests(
  fiscalYear: number,
  meeting: Meeting,
  key: string,
  items: readonly DigestItem[],
  digestAt: string | null,
  now: string,
): NotificationRequest[] {
  const byBureau = new Map<string, string[]>();
  for (const item of items) {
    const status = item.reportStatus ? APPROVAL_STATUS_LABELS[item.reportStatus] : '未着手';
    const line = `・No.${item.clusterNo} ${item.clusterName}「${item.reportLabel}」: ${status}（段階: ${STAGE_LABELS[item.stage]}）`;
    byBureau.set(item.owningBureauCode, [...(byBureau.get(item.owningBureauCode) ?? []), line]);
  }
  const when = digestAt ? `（案内: ${formatTokyoDateTime(digestAt)}）` : '';
  const held = `${meeting.name}（${meetingDateLabel(meeting.date)}）`;
  return [...byBureau.entries()].map(([bureauCode, lines]) => ({
    key: `${key}/${bureauCode}`,
    kind: NotificationKind.MeetingDigest,
    recipients: [Role.Staff, Role.Manager, Role.Director].map((role) => ({ type: 'role' as const, role, bureauCode })),
    excludedUserIds: [],
    subject: `【X会議の案内】${held}で報告する事業群`,
    body: [`${held}で次の報告をお願いします${when}。`, ...lines].join('\n'),
    link: `/api/v1/fiscal-years/${fiscalYear}/meetings`,
    fiscalYear,
    clusterNo: null,
    reportKind: null,
    dueAt: null,
    createdAt: now,
  }));
}
