import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { countHit } from '../services/rate-limits.js';

/**
 * A `@fastify/rate-limit` store that counts in the database (`countHit`), so a limit holds across
 * every app instance and restart. Use it for public, token-addressed routes.
 */
export function databaseRateLimitStore(app: FastifyInstance): FastifyRateLimitStoreCtor {
  return class DatabaseStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = app.deps.now();
      countHit(app.deps.database.db, key, timeWindow, now).then(
        ({ hits, resetsAt }) => callback(null, { current: hits, ttl: Math.max(0, resetsAt.getTime() - now.getTime()) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
