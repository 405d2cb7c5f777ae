// The assessments module's public face (issue 5): rounds, scoring, lost points, readiness; app.ts wires
// it, demo-seed.ts calls seedDemoRounds after the campaigns module's demo campaign.
export type { AssessmentsDeps } from './assessments.deps';
export { ROUND_CASE, ROUND_MANAGE, ROUND_READ, ROUND_SCORE } from './assessments.policy';
export { registerAssessmentsRoutes } from './assessments.routes';
export { type AssessmentsService, createAssessmentsService } from './assessments.service';
export { seedDemoRounds } from './demo-rounds';
