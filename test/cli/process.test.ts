import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/process.js';

const runs: CliRun[] = [];
const start = (args: string[], env: Record<string, string>) => {
  const run = runCli(args, env);
  runs.push(run);
  return run;
};
const freshDataDir = () => mkdtempSync(path.join(os.tmpdir(), 'lw-cli-'));

afterEach(() => {
  for (const run of runs.splice(0)) run.kill();
});

// Each case starts real processes; on a loaded two-core machine that can take a while.
describe('the loopwise command', { timeout: 120_000 }, () => {
  it.each([
    [{ PORT: 'abc' }, 'loopwise: Invalid PORT: must be a port number (got "abc")'],
    [{ DATABASE_URL: 'mysql://db' }, 'loopwise: Invalid DATABASE_URL: must be a URL like postgres://'],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nope' }, 'loopwise: Cannot use the database at postgres://postgres@127.0.0.1:1/nope: connect ECONNREFUSED'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' }, 'loopwise: Missing SESSION_SECRET: it is required when NODE_ENV=production'],
  ])('stops on bad configuration %j with one readable line', async (env, expected) => {
    const run = start(['migrate'], { DATA_DIR: freshDataDir(), ...env });
    expect(await run.exited).toBe(1);
    const { stderr } = run.output();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(expected);
  });

  it('serves, refuses a second process on the same data folder, and shuts down cleanly', async () => {
    const dataDir = freshDataDir();
    const server = start(['serve', '--demo', '--no-history'], { DATA_DIR: dataDir, PORT: '0' });
    const url = await server.ready();
    expect(server.output().stdout).toContain('admin@acme.test');

    const second = start(['migrate'], { DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output().stderr).toContain('is in use by another Loopwise process');

    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const migrate = start(['migrate'], { DATA_DIR: dataDir });
    expect(await migrate.exited).toBe(0);
    expect(migrate.output().stdout).toContain('Database is up to date.');
  });
});
