export * from './entities';
export * from './migrations';
export * from './data-source-options';
export * from './persistence.module';
export * from './repositories/catalogue.repository';
export * from './repositories/cluster-event.repository';
export * from './repositories/user.repository';
export * from './seed/seed-catalogue';
