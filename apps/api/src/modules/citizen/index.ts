// The citizen portal (issue 4): public reports by tracking code, timelines, ratings, abuse limits.
export { registerCitizenRoutes } from './citizen.routes';
export { type CitizenService, createCitizenService } from './citizen.service';
