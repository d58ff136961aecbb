import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connection.js';
import { startWorker, type Job, type Worker } from './worker.js';

export interface JobDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
}

/** Every background job Loopwise runs, in the order each tick runs them. */
export function backgroundJobs(_deps: JobDeps): Job[] {
  return [];
}

export function startBackgroundWorker(deps: JobDeps): Worker {
  return startWorker({ jobs: backgroundJobs(deps), pollMs: deps.config.workerPollMs, logger: deps.logger });
}
