#!/usr/bin/env node
import { Command } from 'commander';
import { startBackgroundWorker } from '../jobs/index.js';
import { seedDemoWithHistory } from '../services/demo.js';
import { describeVerification, UnknownOrganization, verifyOrganizations } from './audit.js';
import { describeStartupError } from './fail.js';
import { onShutdownSignal, openRuntime } from './runtime.js';
import { serve } from './serve.js';

const program = new Command('loopwise').description('Loopwise interview scheduling').showHelpAfterError();

program
  .command('serve')
  .description('migrate the database and serve the web app and API')
  .option('--demo', 'seed demo data when the database is empty (development only)')
  .option('--no-history', 'with --demo: only the people and records, without eight weeks of scheduling history')
  .action((options: { demo?: boolean; history: boolean }) => serve(options));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const { database } = await openRuntime({ migrate: true });
    await database.close();
    process.stdout.write('Database is up to date.\n');
  });

program
  .command('seed')
  .description('create data in the database')
  .requiredOption('--demo', 'create the demo organizations and users')
  .option('--no-history', 'only the people and records, without eight weeks of scheduling history')
  .action(async (options: { history: boolean }) => {
    const { config, database } = await openRuntime({ migrate: true });
    try {
      if (config.env === 'production') throw new Error('Demo data is never created when NODE_ENV=production.');
      const { logins, history } = await seedDemoWithHistory(database.db, { publicUrl: config.publicUrl, history: options.history });
      process.stdout.write(`Created ${logins.length} demo users and ${history?.requests ?? 0} scheduling requests of history.\n`);
    } finally {
      await database.close();
    }
  });

program
  .command('worker')
  .description('run background jobs (separate process; needs DATABASE_URL)')
  .action(async () => {
    const runtime = await openRuntime({ migrate: false });
    const worker = startBackgroundWorker(runtime);
    onShutdownSignal(runtime.logger, async () => {
      await worker.stop();
      await runtime.database.close();
    });
  });

program
  .command('audit')
  .description('work with the audit trail')
  .command('verify')
  .description(
    're-compute every organization’s audit hash chain and check its anchors (HMACs keyed from ENCRYPTION_KEY, written by the worker): ' +
      'reports edited, removed or reordered events, hashes recomputed after an edit, newest events removed and forged anchors; exits with 1 when any check fails. ' +
      'Needs the same ENCRYPTION_KEY (or DATA_DIR) as serve',
  )
  .option('--organization <id>', 'verify only this organization')
  .action(async (options: { organization?: string }) => {
    const { config, database } = await openRuntime({ migrate: false });
    try {
      const results = await verifyOrganizations(database.db, config.encryptionKey, options.organization);
      for (const result of results) process.stdout.write(`${describeVerification(result)}\n`);
      if (results.some((result) => !result.ok)) process.exitCode = 1;
    } catch (error) {
      if (!(error instanceof UnknownOrganization)) throw error;
      process.stderr.write(`loopwise: ${error.message}\n`);
      process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`loopwise: ${describeStartupError(error)}\n`);
  process.exit(1);
});
