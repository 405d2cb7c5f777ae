// Open311 GeoReport v2 (issue 4 §8): discovery, services, requests (file and read), tokens; API keys.
export { registerOpen311Routes } from './open311.routes';
export { createOpen311Service, type Open311Service } from './open311.service';
