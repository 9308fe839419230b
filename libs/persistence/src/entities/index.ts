import { AuditEventEntity } from './audit-event.entity';
import { BureauEntity } from './bureau.entity';
import { ClusterGroupEntity } from './cluster-group.entity';
import { ClusterKindEntity } from './cluster-kind.entity';
import { ClusterEntity } from './cluster.entity';
import { FiscalYearEntity } from './fiscal-year.entity';
import { IdempotentRequestEntity } from './idempotent-request.entity';
import { MeetingEntity } from './meeting.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationEntity } from './notification.entity';
import { OwedActionEntity } from './owed-action.entity';
import { ReportVersionEntity } from './report-version.entity';
import { UserEntity } from './user.entity';

export {
  AuditEventEntity,
  BureauEntity,
  ClusterEntity,
  ClusterGroupEntity,
  ClusterKindEntity,
  FiscalYearEntity,
  IdempotentRequestEntity,
  MeetingEntity,
  NotificationDeliveryEntity,
  NotificationEntity,
  OwedActionEntity,
  ReportVersionEntity,
  UserEntity,
};

/** Every table the migrations create; `entities and migrations` checks they describe the same schema. */
export const ENTITIES = [
  FiscalYearEntity,
  ClusterGroupEntity,
  ClusterKindEntity,
  ClusterEntity,
  AuditEventEntity,
  BureauEntity,
  UserEntity,
  OwedActionEntity,
  ReportVersionEntity,
  IdempotentRequestEntity,
  MeetingEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
];
