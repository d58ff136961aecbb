import { buildApp } from '../http/app.js';
import { startBackgroundWorker } from '../jobs/index.js';
import { demoPassword, isEmpty, seedDemoWithHistory, type DemoLogin } from '../services/demo.js';
import { onShutdownSignal, openRuntime } from './runtime.js';

export interface ServeOptions {
  /** Seed demo data when the database is empty (what `npm start` does). */
  demo?: boolean;
  /** With `demo`: also play eight weeks of scheduling history (default on; `--no-history`). */
  history?: boolean;
}

/** Migrates, optionally seeds, serves HTTP; with the embedded database it also runs the worker. */
export async function serve(options: ServeOptions): Promise<void> {
  const started = performance.now();
  const runtime = await openRuntime({ migrate: true });
  const { config, logger, database } = runtime;
  let logins: DemoLogin[] = [];
  if (options.demo && config.env !== 'production' && (await isEmpty(database.db))) {
    ({ logins } = await seedDemoWithHistory(database.db, { publicUrl: config.publicUrl, history: options.history ?? true }));
  }
  const app = await buildApp({ config, database, now: () => new Date() }, { logger });
  await app.listen({ host: config.host, port: config.port });
  const worker = database.backend === 'embedded' ? startBackgroundWorker(runtime) : undefined;

  onShutdownSignal(logger, async () => {
    await app.close();
    await worker?.stop();
    await database.close();
  });
  const address = app.server.address();
  const url = config.port === 0 && address && typeof address === 'object' ? `http://localhost:${address.port}` : config.publicUrl;
  printWelcome(url, database.backend, logins, Math.round(performance.now() - started));
}

function printWelcome(url: string, backend: string, logins: DemoLogin[], readyMs: number): void {
  const lines = [
    '',
    `  Loopwise is ready at ${url}  (${backend} database, ${readyMs} ms)`,
    `  API docs: ${url}/docs`,
  ];
  if (logins.length > 0) {
    lines.push('', `  Demo data created. Sign in with password "${demoPassword}" as:`);
    for (const login of logins) lines.push(`    ${login.role.padEnd(15)} ${login.email}  (${login.organization})`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
