import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../auth/actor.js';
import { hmac, safeEqual } from '../auth/tokens.js';
import { Forbidden, Unauthenticated } from '../core/errors.js';
import { resolveApiKey } from '../services/api-keys.js';
import { resolveSession, sessionPolicy } from '../services/sessions.js';

export const sessionCookie = 'lw_session';
export const csrfCookie = 'lw_csrf';
export const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Signing in replaces the session, so a stale cookie without its CSRF pair must not block it;
// SameSite=Lax already keeps other sites from posting it.
const csrfExempt = new Set(['/api/v1/auth/login']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, resolved from the session cookie or the bearer API key; null when anonymous. */
    actor: Actor | null;
  }
}

/**
 * Resolves the actor of every API request and enforces CSRF for cookie-authenticated state
 * changes: the browser must echo the `lw_csrf` cookie (an HMAC of its session) in `x-csrf-token`.
 * Bearer-key requests carry no ambient credentials, so they need no CSRF token.
 */
export async function registerAuth(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    // The matched route, not the raw URL: `/%61pi/v1/…` reaches the same handlers as `/api/v1/…`.
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/v1/')) return;
    const { db } = app.deps.database;
    const now = app.deps.now();
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      request.actor = await resolveApiKey(db, bearer, now);
      if (!request.actor) throw new Unauthenticated('That API key is not valid or has been revoked.');
      return;
    }
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const actor = await resolveSession(db, token, now);
    if (!actor) return;
    request.actor = actor;
    if (!safeMethods.has(request.method) && !csrfExempt.has(route) && !validCsrf(request, actor.sessionId ?? '')) {
      throw new Forbidden('Missing or invalid CSRF token: reload the page and try again.');
    }
  });
}

function validCsrf(request: FastifyRequest, sessionId: string): boolean {
  const sent = request.headers[csrfHeader];
  return typeof sent === 'string' && safeEqual(sent, csrfToken(request.server.deps.config.sessionSecret, sessionId));
}

export function csrfToken(secret: string, sessionId: string): string {
  return hmac(secret, `csrf:${sessionId}`);
}

/** Sets the session and CSRF cookies after a login. */
export function setSessionCookies(reply: FastifyReply, token: string, sessionId: string): void {
  const { config } = reply.server.deps;
  const secure = config.publicUrl.startsWith('https:');
  const maxAge = sessionPolicy.absoluteHours * 3600;
  reply.setCookie(sessionCookie, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
  reply.setCookie(csrfCookie, csrfToken(config.sessionSecret, sessionId), { httpOnly: false, sameSite: 'lax', secure, path: '/', maxAge });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
  reply.clearCookie(csrfCookie, { path: '/' });
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthenticated('Sign in to continue.');
  return request.actor;
}

/** The context a service command needs: actor, client address, user agent and the clock. */
export function contextOf(request: FastifyRequest): RequestContext {
  return {
    actor: requireActor(request),
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    now: request.server.deps.now(),
  };
}
