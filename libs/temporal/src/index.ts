export * from './contracts';
export * from './client/temporal-options';
export * from './client/temporal-client.module';
export * from './client/search-attribute-registration';
export * from './worker/workflow-bundle';
