// The public exposure board (曝光台) and the 红黑榜 of units (issue 4 §7).
export { EXPOSURE_ROLES } from './exposure.policy';
export { registerExposureRoutes } from './exposure.routes';
export { createExposureService, type ExposureService } from './exposure.service';
