export * from './photo-checks';
