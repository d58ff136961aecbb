import { ConfigError } from '../config.js';
import { DataDirLockedError } from '../db/lock.js';

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN', '28P01', '3D000', '28000']);

/** One readable line for the failures a person can fix (configuration, database, lock); stacks for the rest. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) return error.message;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && networkCodes.has(code)) {
    const url = process.env.DATABASE_URL ? redact(process.env.DATABASE_URL) : 'the database';
    return `Cannot use the database at ${url}: ${(error as Error).message}`;
  }
  if ((error as Error).message?.includes('timeout exceeded when trying to connect')) {
    return `Cannot reach the database at ${redact(process.env.DATABASE_URL ?? '')}: connection timed out`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
