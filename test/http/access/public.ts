import type { Method } from './types.js';

/**
 * Routes that answer without signing in, so they have no row in the access matrix. Every entry
 * says why it is public; anything else the app registers must have rows. `route` ending in `*`
 * matches every route under that prefix.
 */
export const publicRoutes: { method: Method | '*'; route: string; why: string }[] = [
  { method: 'GET', route: '/healthz', why: 'liveness probe' },
  { method: 'GET', route: '/readyz', why: 'readiness probe' },
  { method: 'GET', route: '/api/openapi.json', why: 'the public API description' },
  { method: 'GET', route: '/docs*', why: 'browsable API docs (Swagger UI and its assets)' },
  { method: 'POST', route: '/api/v1/auth/login', why: 'signing in' },
  { method: 'POST', route: '/api/v1/auth/invites/accept', why: 'an invited person sets their first password from the emailed link' },
  { method: 'POST', route: '/api/v1/auth/password-reset', why: 'someone who forgot their password asks for a reset email' },
  { method: 'POST', route: '/api/v1/auth/password-reset/confirm', why: 'a new password set from the emailed reset link' },
  { method: 'GET', route: '/dev/mail*', why: 'the development mailbox; not registered in production' },
  { method: 'GET', route: '/api/v1/public/calendar-feeds/*', why: 'a person\'s private ICS feed behind a secret feed token (calendar apps cannot sign in)' },
  { method: '*', route: '/api/v1/public/links/*', why: 'candidate pages behind a signed, expiring link token (no account)' },
];
