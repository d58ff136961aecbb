import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connection.js';
import { createMailer, mailDirectory } from '../integrations/smtp.js';
import { calendarSettingsOf } from '../services/calendar-sync.js';
import { calendarChannel } from './calendar-channel.js';
import { calendarSyncJob } from './calendar-sync.js';
import { outboxJob, type ChannelAdapters } from './outbox.js';
import { emailChannel, webhookChannel } from './outbox-channels.js';
import { remindersJob } from './reminders.js';
import { auditAnchorsJob } from './audit-anchors.js';
import { startWorker, type Job, type Worker } from './worker.js';

export interface JobDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
}

/** Every background job Loopwise runs, in the order each tick runs them. */
export function backgroundJobs(deps: JobDeps): Job[] {
  const { config, database, logger } = deps;
  const host = new URL(config.publicUrl).hostname;
  const webhookSettings = { encryptionKey: config.encryptionKey, allowPrivateUrls: config.env !== 'production' };
  const calendarSettings = calendarSettingsOf(config);
  const adapters: ChannelAdapters = { webhook: webhookChannel(database.db, webhookSettings), calendar: calendarChannel(database.db, calendarSettings) };
  if (config.smtpUrl || config.env !== 'production') {
    adapters.email = emailChannel(createMailer({ smtpUrl: config.smtpUrl, mailDir: mailDirectory(config.dataDir), host }), host);
  } else {
    // Writing .eml files and calling them sent would hide a missing setting; they wait instead.
    logger.warn('SMTP_URL is not set: emails stay queued until it is configured');
  }
  return [
    remindersJob(database.db, { publicUrl: config.publicUrl }),
    outboxJob(database.db, adapters, { leaseMs: config.outboxLeaseSeconds * 1000 }),
    auditAnchorsJob(database.db, { encryptionKey: config.encryptionKey }),
    calendarSyncJob(database.db, calendarSettings, { intervalMs: config.calendarSyncMinutes * 60_000 }),
  ];
}

export function startBackgroundWorker(deps: JobDeps): Worker {
  return startWorker({ jobs: backgroundJobs(deps), pollMs: deps.config.workerPollMs, logger: deps.logger });
}
