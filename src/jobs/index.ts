import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connection.js';
import { createMailer, mailDirectory } from '../integrations/smtp.js';
import { outboxJob } from './outbox.js';
import { emailChannel, webhookChannel } from './outbox-channels.js';
import { startWorker, type Job, type Worker } from './worker.js';

export interface JobDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
}

/** Every background job Loopwise runs, in the order each tick runs them. */
export function backgroundJobs(deps: JobDeps): Job[] {
  const { config, database } = deps;
  const host = new URL(config.publicUrl).hostname;
  const mailer = createMailer({ smtpUrl: config.smtpUrl, mailDir: mailDirectory(config.dataDir), host });
  const webhookSettings = { encryptionKey: config.encryptionKey, allowPrivateUrls: config.env !== 'production' };
  return [
    outboxJob(database.db, { email: emailChannel(mailer, host), webhook: webhookChannel(database.db, webhookSettings) }, { leaseMs: config.outboxLeaseSeconds * 1000 }),
  ];
}

export function startBackgroundWorker(deps: JobDeps): Worker {
  return startWorker({ jobs: backgroundJobs(deps), pollMs: deps.config.workerPollMs, logger: deps.logger });
}
