export * from './audit';
export * from './auth';
export * from './cases';
export * from './catalog';
export * from './org';
export * from './public';
export * from './standards';
export * from './jobs';
