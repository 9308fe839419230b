export * from './contracts';
export * from './client/temporal-options';
export * from './client/temporal-client.module';
export * from './client/search-attribute-registration';
export * from './worker/workflow-bundle';
export * from './connection/temporal-connection';
export * from './data-converter/reform-data-converter';
export * from './data-converter/payload-encryption-codec';
