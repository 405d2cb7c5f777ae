// The 问责 register: the city's 情形/方式 lists, entries, counts per unit for rankings and bulletins.
export { ACCOUNTABILITY_READ, ACCOUNTABILITY_WRITE } from './accountability.policy';
export { type RecordInput, recordAccountability } from './accountability.record';
export { registerAccountabilityRoutes } from './accountability.routes';
export {
  type AccountabilityDeps,
  type AccountabilityService,
  type CaseReader,
  createAccountabilityService,
} from './accountability.service';
