export * from './geo/measure';
export * from './geo/types';
