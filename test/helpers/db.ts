import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, pgliteOptions, type Backend, type DatabaseHandle } from '../../src/db/connection.js';

/** The backends this run covers: always the embedded one, and the server unless it is unreachable outside CI. */
export const backends: Backend[] = inject('serverTemplateUrl') ? ['embedded', 'server'] : ['embedded'];

let counter = 0;

/** A fresh, migrated, empty database on the given backend; `close()` also drops it. */
export async function openTestDatabase(backend: Backend): Promise<DatabaseHandle> {
  if (backend === 'embedded') {
    const snapshot = new Blob([readFileSync(inject('embeddedSnapshot'))]);
    const pglite = await PGlite.create({ ...pgliteOptions, loadDataDir: snapshot });
    return openDatabase({ pglite });
  }
  return openServerCopy();
}

async function openServerCopy(): Promise<DatabaseHandle> {
  const template = new URL(inject('serverTemplateUrl'));
  const templateName = template.pathname.slice(1);
  const name = `${templateName.replace('_tpl_', '_t_')}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: withPath(template, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
  const database = await openDatabase({ databaseUrl: withPath(template, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

function withPath(url: URL, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.toString();
}
