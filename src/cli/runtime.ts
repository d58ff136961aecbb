import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../logger.js';

export interface Runtime {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
}

/** Config, logger and an open (optionally migrated) database: what every command starts from. */
export async function openRuntime({ migrate }: { migrate: boolean }): Promise<Runtime> {
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await database.ping();
    if (migrate) {
      const applied = await migrateToLatest(database.db);
      if (applied.length > 0) logger.info({ applied }, 'database migrated');
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, logger, database };
}

/** Runs `stop` once on SIGINT or SIGTERM, then exits. */
export function onShutdownSignal(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
