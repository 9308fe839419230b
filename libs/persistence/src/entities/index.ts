import { AuditEventEntity } from './audit-event.entity';
import { BureauEntity } from './bureau.entity';
import { ClusterGroupEntity } from './cluster-group.entity';
import { ClusterKindEntity } from './cluster-kind.entity';
import { ClusterEntity } from './cluster.entity';
import { FiscalYearEntity } from './fiscal-year.entity';
import { UserEntity } from './user.entity';

export {
  AuditEventEntity,
  BureauEntity,
  ClusterEntity,
  ClusterGroupEntity,
  ClusterKindEntity,
  FiscalYearEntity,
  UserEntity,
};

export const ENTITIES = [
  FiscalYearEntity,
  ClusterGroupEntity,
  ClusterKindEntity,
  ClusterEntity,
  AuditEventEntity,
  BureauEntity,
  UserEntity,
];
