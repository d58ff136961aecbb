import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { deriveAnchorKey } from '../../src/core/audit-anchor.js';
import { anchorAuditHeads } from '../../src/services/audit-anchors.js';
import { seedDemo } from '../../src/services/demo.js';
import { runCli, type CliRun } from '../helpers/process.js';

const encryptionKey = Buffer.alloc(32, 5);

// The CLI runs in its own process, so the database must be a server the test can share with it.
const templateUrl = inject('serverTemplateUrl');

describe.skipIf(!templateUrl)('loopwise audit verify', () => {
  const template = new URL(templateUrl || 'postgres://localhost/unused');
  const name = `${template.pathname.slice(1).replace('_tpl_', '_t_')}_cli_audit`;
  const url = new URL(template);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: new URL('/postgres', template).toString() });
  const runs: CliRun[] = [];
  let database: DatabaseHandle;
  let orgs: { acme: string; beta: string };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.pathname.slice(1)}`);
    database = await openDatabase({ databaseUrl: url.toString() });
    await seedDemo(database.db);
    const rows = await database.db.selectFrom('organizations').select(['id', 'name']).execute();
    orgs = { acme: rows.find((r) => r.name === 'Acme Staffing')!.id, beta: rows.find((r) => r.name === 'Beta Talent')!.id };
  });
  afterEach(() => {
    for (const run of runs.splice(0)) run.kill();
  });
  afterAll(async () => {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  async function verify(...args: string[]) {
    const run = runCli(['audit', 'verify', ...args], { DATABASE_URL: url.toString(), DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-cli-')), ENCRYPTION_KEY: encryptionKey.toString('base64') });
    runs.push(run);
    const code = await run.exited;
    return { code, ...run.output() };
  }

  it('prints one ok line per organization when every chain is intact', async () => {
    const { code, stdout } = await verify();
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^ok +${orgs.acme} "Acme Staffing": (\\d+) events, chain intact, head \\1 [0-9a-f]{64}, 0 covered by anchors, \\1 not yet anchored$`));
    expect(lines[1]).toMatch(new RegExp(`^ok +${orgs.beta} "Beta Talent": (\\d+) events, chain intact, head \\1 [0-9a-f]{64}, 0 covered by anchors, \\1 not yet anchored$`));
  });

  it('exits with 1 and names the first broken link when a row was edited', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(trx);
      await sql`UPDATE audit_events SET changes = '{"demo": false}' WHERE organization_id = ${orgs.acme} AND seq = 1`.execute(trx);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(trx);
    });
    const { code, stdout } = await verify();
    expect(code).toBe(1);
    const [acme, beta] = stdout.trim().split('\n');
    expect(acme).toMatch(new RegExp(`^BROKEN +${orgs.acme} "Acme Staffing": first broken link at event 1 \\(edited, row [0-9a-f-]{36}\\): Event 1 was changed after it was written\\.$`));
    expect(beta).toMatch(/^ok +.*"Beta Talent"/);
  });

  it('verifies one organization with --organization', async () => {
    const beta = await verify('--organization', orgs.beta);
    expect(beta.code).toBe(0);
    expect(beta.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^ok +.*"Beta Talent"/)]);
    const acme = await verify('--organization', orgs.acme);
    expect(acme.code).toBe(1);
    expect(acme.stdout).toContain('BROKEN');
  });

  it('refuses an organization that does not exist with one readable line', async () => {
    const unknown = await verify('--organization', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('loopwise: No organization has the id 00000000-0000-4000-8000-000000000000.');
    const malformed = await verify('--organization', 'acme');
    expect(malformed.code).toBe(1);
    expect(malformed.stderr.trim()).toBe('loopwise: "acme" is not an organization id (expected a UUID).');
  });

  it('checks anchors with the same ENCRYPTION_KEY and reports newest events removed', async () => {
    await anchorAuditHeads(database.db, deriveAnchorKey(encryptionKey), new Date('2026-12-01T15:00:00Z'));
    const head = await database.db.selectFrom('audit_events').select('seq').where('organization_id', '=', orgs.beta).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const events = Number(head.seq);
    const anchored = await verify('--organization', orgs.beta);
    expect(anchored.code).toBe(0);
    expect(anchored.stdout).toContain(`${events} events, chain intact, head ${events} `);
    expect(anchored.stdout).toContain(`, ${events} covered by anchors, 0 not yet anchored`);

    await database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(trx);
      await sql`DELETE FROM audit_events WHERE organization_id = ${orgs.beta} AND seq = ${events}`.execute(trx);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(trx);
    });
    const { code, stdout } = await verify('--organization', orgs.beta);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n')).toEqual([
      `BROKEN  ${orgs.beta} "Beta Talent": ${events - 1} events, chain links intact but 1 of 1 anchors fail`,
      `        anchor truncated at event ${events}: Newest events were removed: event ${events} was anchored at 2026-12-01T15:00:00.000Z, but the chain now ends at event ${events - 1}.`,
    ]);
  });
});
