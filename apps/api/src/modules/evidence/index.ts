// The evidence module's public face (issue 5): the archive (台账), completeness, the 迎检资料包 export.
export type { EvidenceDeps } from './evidence.deps';
export { registerEvidenceRoutes } from './evidence.routes';
export { createEvidenceService, type EvidenceService } from './evidence.service';
export type { EvidenceSlot } from './evidence-completeness';
