// First: how zod runs in the browser, before any schema below is built.
import './browser';

export * from './accountability';
export * from './audit';
export * from './auth';
export * from './case-links';
export * from './cases';
export * from './catalog';
export * from './common';
export * from './errors';
export * from './exposure';
export * from './jobs';
export * from './labels';
export * from './open311';
export * from './org';
export * from './public';
export * from './rectlists';
export * from './standards';
export * from './supervision';
export * from './trades';
