// The standards module's public face (issue 5): scoring standards as versioned indicator trees.
// app.ts registers the routes; campaigns, evidence and assessments read trees through getTree /
// getStandardRow (pure lookups by city, no authorization inside); the demo seed loads the samples.

export type { StandardsDeps } from './standards.deps';
export { STANDARD_READ, STANDARD_WRITE } from './standards.policy';
export type { TreeNode } from './standards.presenter';
export type { StandardRow } from './standards.repository';
export { registerStandardsRoutes } from './standards.routes';
export { COUNTY_SAMPLE_CODE, SAMPLE_STANDARDS } from './standards.samples';
export { createStandardsService, type StandardsService } from './standards.service';
export { loadSampleStandards } from './standards-io.service';
