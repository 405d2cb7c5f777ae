export * from './audit';
export * from './auth';
export * from './cases';
export * from './catalog';
export * from './jobs';
export * from './org';
export * from './public';
export * from './standards';
