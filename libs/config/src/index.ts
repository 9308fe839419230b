export * from './environment';
export * from './run-main';
