export { registerAuthRoutes, SESSION_COOKIE } from './auth.routes';
export {
  type AuthService,
  createAuthService,
  generatePassword,
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
} from './auth.service';
export { memberActor } from './member-actor';
