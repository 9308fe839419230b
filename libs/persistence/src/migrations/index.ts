import { InitialSchema1732400000000 } from './1732400000000-initial-schema';
import { LifecycleReadModel1732500000000 } from './1732500000000-lifecycle-read-model';

/** In order of application; TypeORM records each in the migrations table. */
export const MIGRATIONS = [InitialSchema1732400000000, LifecycleReadModel1732500000000];
