export * from './codes/grid-code';
export * from './codes/region-code';
export * from './geo/grid-index';
export * from './geo/measure';
export * from './geo/types';
export * from './geo/validate';
export * from './privacy/mask';
