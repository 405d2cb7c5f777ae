// The org import/export's public face: app.ts registers the routes, the CLI calls the service.

export type { ExportFile } from './export.service';
export { type ImportFile, type ImportOptions, parseMapping } from './import.service';
export type { Progress } from './import.types';
export { registerOrgIoRoutes } from './io.routes';
export { createOrgIoService, type OrgIoDeps, type OrgIoService } from './io.service';
export { TEMPLATE_KINDS } from './templates';
