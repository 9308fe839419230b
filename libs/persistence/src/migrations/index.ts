import { InitialSchema1732400000000 } from './1732400000000-initial-schema';

/** In order of application; TypeORM records each in the migrations table. */
export const MIGRATIONS = [InitialSchema1732400000000];
