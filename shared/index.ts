export * from './api/bridge';
export * from './api/catalog';
export * from './api/contract';
export * from './api/result';
export * from './api/system';
export * from './languages';
