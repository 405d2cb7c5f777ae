// The demo module's public face: other modules (the CLI's `demo` command, tests) import only from here.

export { type DemoCaseServices, type DemoCasesOptions, loadDemoCases } from './cases';
export {
  DEFAULT_DEMO_GRIDS,
  DEFAULT_DEMO_SEED,
  DEMO_GRIDS_RANGE,
  generateDemoCity,
} from './generate';
export { type DemoLoadOptions, type DemoLoadResult, loadDemoCity } from './load';
export { CITY as DEMO_CITY } from './names';
export type * from './types';
