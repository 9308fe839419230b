export * from './environment';
export * from './run-main';
export * from './notification-settings';
export * from './admin-password';
export * from './retention-settings';
export * from './payload-keys';
export * from './temporal-settings';
export * from './worker-tuning';
