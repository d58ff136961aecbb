import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** A second process on the embedded database would silently lose writes; this refuses it. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/**
 * Takes an exclusive lock on the data folder (a lock directory refreshed every few seconds, so
 * a crashed process frees it within ~10 s). Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'loopwise.lock'),
      stale: 10_000,
      update: 3_000,
      retries: 0,
      realpath: false,
      onCompromised: (error) => {
        throw new DataDirLockedError(`Lost the lock on ${dataDir}: ${error.message}`);
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new DataDirLockedError(
        `The embedded database in ${dataDir} is in use by another Loopwise process. ` +
          'Stop it first, or use a PostgreSQL server (DATABASE_URL) to run several processes.',
      );
    }
    throw error;
  }
}
