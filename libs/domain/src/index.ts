export * from './catalogue/cluster-group';
export * from './catalogue/cluster-definition';
export * from './catalogue/catalogue-rules';
export * from './catalogue/fy2024-catalogue';
export * from './fiscal-year';
export * from './lifecycle/cluster-stage';
export * from './lifecycle/cluster-lifecycle-event';
export * from './roles';
