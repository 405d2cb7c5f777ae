export { createSupervisionDocuments, type SupervisionDocuments } from './supervision.documents';
export { registerSupervisionRoutes } from './supervision.routes';
export { createSupervisionService, type SupervisionService } from './supervision.service';
