import { InitialSchema1732400000000 } from './1732400000000-initial-schema';
import { LifecycleReadModel1732500000000 } from './1732500000000-lifecycle-read-model';
import { Notifications1732600000000 } from './1732600000000-notifications';
import { Meetings1732700000000 } from './1732700000000-meetings';
import { UserActive1732800000000 } from './1732800000000-user-active';
import { LoginAttempts1733000000000 } from './1733000000000-login-attempts';
import { TokenVersion1733100000000 } from './1733100000000-token-version';
import { AnalysisRunsAndTexts1733150000000 } from './1733150000000-analysis-runs-and-texts';
import { UserAdminEvents1733300000000 } from './1733300000000-user-admin-events';
import { LeasesOutboxRetention1733400000000 } from './1733400000000-leases-outbox-retention';
import { Processes1733500000000 } from './1733500000000-processes';
import { BoardOrderAndOverdue1733600000000 } from './1733600000000-board-order-and-overdue';
import { BureauNamesUnique1733700000000 } from './1733700000000-bureau-names-unique';

/** In order of application; TypeORM records each in the migrations table. */
export const MIGRATIONS = [
  InitialSchema1732400000000,
  LifecycleReadModel1732500000000,
  Notifications1732600000000,
  Meetings1732700000000,
  UserActive1732800000000,
  LoginAttempts1733000000000,
  TokenVersion1733100000000,
  AnalysisRunsAndTexts1733150000000,
  UserAdminEvents1733300000000,
  LeasesOutboxRetention1733400000000,
  Processes1733500000000,
  BoardOrderAndOverdue1733600000000,
  BureauNamesUnique1733700000000,
];
