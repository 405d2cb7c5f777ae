export * from './audit';
export * from './auth';
export * from './cases';
export * from './catalog';
export * from './common';
export * from './errors';
export * from './labels';
export * from './org';
