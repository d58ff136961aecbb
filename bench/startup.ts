/**
 * Startup time to ready and idle memory of `loopwise serve`, on the embedded database (first run
 * and reopen) and on a PostgreSQL server. Run after `npm run build`: `npm run bench:startup`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const cli = path.resolve('dist/src/cli/main.js');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Sample {
  readyMs: number;
  idleRssMb: number;
}

async function measure(env: Record<string, string>, port: number): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--demo'], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (performance.now() - started > 60_000) throw new Error('not ready after 60 s');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const readyMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { readyMs, idleRssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
  }
}

async function main(): Promise<void> {
  const rows: [string, Sample][] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lw-bench-'));
  rows.push(['embedded, first run (create + migrate + demo seed)', await measure({ DATA_DIR: dataDir }, 3901)]);
  rows.push(['embedded, reopen', await measure({ DATA_DIR: dataDir }, 3902)]);

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `loopwise_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const env = { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-bench-')), DATABASE_URL: url.toString() };
    rows.push(['server, first run (migrate + demo seed)', await measure(env, 3903)]);
    rows.push(['server, restart', await measure(env, 3904)]);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }

  console.log('| case | ready (ms) | idle RSS (MB) |\n|---|---:|---:|');
  for (const [label, s] of rows) console.log(`| ${label} | ${s.readyMs.toFixed(0)} | ${s.idleRssMb.toFixed(0)} |`);
}

await main();
