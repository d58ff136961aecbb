import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { loadFixtures } from './access/fixtures.js';
import { publicRoutes } from './access/public.js';
import { registeredRoutes, type RegisteredRoute } from './access/route-table.js';
import { apiKeyScopes, type ApiKeyScope } from '../../src/db/schema.js';
import { actors, keyRoles, type AccessRow, type ActorName, type Fixtures } from './access/types.js';

// Every `test/http/access/<resource>.ts` that exports `rows` is part of the matrix (see its README).
const folder = fileURLToPath(new URL('./access/', import.meta.url));
const support = new Set(['types.ts', 'fixtures.ts', 'public.ts', 'route-table.ts']);
const files = readdirSync(folder).filter((name) => name.endsWith('.ts') && !support.has(name)).sort();
const rowsByFile = new Map<string, AccessRow[]>();
for (const name of files) {
  const module = (await import(pathToFileURL(path.join(folder, name)).href)) as { rows?: AccessRow[] };
  if (!Array.isArray(module.rows)) throw new Error(`test/http/access/${name} must export \`rows: AccessRow[]\`.`);
  rowsByFile.set(name, module.rows);
}
const allRows = [...rowsByFile.values()].flat();

const key = (r: { method: string; route: string }) => `${r.method} ${r.route}`;
const isPublic = (r: RegisteredRoute) =>
  publicRoutes.some((p) => (p.method === '*' || p.method === r.method) && (p.route.endsWith('*') ? r.route.startsWith(p.route.slice(0, -1)) : p.route === r.route));
const resourceFile = (route: string) => `test/http/access/${route.replace(/^\/(api\/v1\/)?/, '').split(/[/.]/)[0] || 'misc'}.ts`;

describe('the access matrix covers the route table', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    t = await openTestApp('embedded');
    routes = registeredRoutes(t.app);
  });
  afterAll(() => t.close());

  it('reads the route table', () => {
    expect(routes).toContainEqual({ method: 'POST', route: '/api/v1/auth/login' });
    expect(routes).toContainEqual({ method: 'GET', route: '/api/v1/me' });
    expect(routes.length).toBeGreaterThan(5);
  });

  it('has a row for every route that is not public, and an own and other-organization row for every route with an id', () => {
    const missing: string[] = [];
    for (const route of routes.filter((r) => !isPublic(r))) {
      const rows = allRows.filter((row) => key(row) === key(route));
      const needed = route.route.includes(':') ? (['own', 'other_org'] as const) : [undefined];
      for (const record of needed) {
        if (!rows.some((row) => row.record === record)) {
          missing.push(`${key(route)}${record ? ` (record: '${record}')` : ''}: add it to ${resourceFile(route.route)}`);
        }
      }
    }
    expect(missing, 'routes without access-matrix rows (see test/http/access/README.md)').toEqual([]);
  });

  it('has no rows for routes that do not exist', () => {
    const known = new Set(routes.map(key));
    expect(allRows.filter((row) => !known.has(key(row))).map(key)).toEqual([]);
  });
});

describe.each(backends)('the access matrix on the %s database', (backend) => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true });
    f = await loadFixtures(t.app, t.database.db);
  });
  afterAll(() => t.close());

  async function send(row: AccessRow, headers: Record<string, string>) {
    const url = await row.url(f);
    return t.app.inject({ method: row.method, url, headers, ...(row.body ? { payload: row.body(f) as object } : {}) });
  }

  const leaks = (body: string, who: ActorName | 'api_key') => f.hiddenFrom(who).filter((id) => body.includes(id));

  async function attempt(row: AccessRow, actor: ActorName): Promise<string | null> {
    const res = await send(row, await f.headers(actor, { fresh: row.freshSession === true }));
    const expected = row.expect[actor];
    if (res.statusCode !== expected) return `${actor}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 200)}`;
    const leaked = leaks(res.body, actor);
    if (leaked.length > 0) return `${actor}: the response contains ids it may not see: ${leaked.join(', ')}`;
    return null;
  }

  /** An API key is never more powerful than the role it acts as, and a read key never writes. */
  async function attemptWithKey(row: AccessRow, scope: ApiKeyScope): Promise<string | null> {
    const res = await send(row, await f.keyHeaders(scope));
    const who = `${scope} API key`;
    const exact = row.apiKeys?.[scope];
    if (exact !== undefined) {
      if (res.statusCode !== exact) return `${who}: expected ${exact}, got ${res.statusCode} ${res.body.slice(0, 200)}`;
    } else if (res.statusCode >= 500) {
      return `${who}: got ${res.statusCode} ${res.body.slice(0, 200)}`;
    } else if (res.statusCode < 400 && row.expect[keyRoles[scope]] >= 400) {
      return `${who}: got ${res.statusCode} where its role ${keyRoles[scope]} gets ${row.expect[keyRoles[scope]]}`;
    } else if (res.statusCode < 400 && scope === 'read' && row.method !== 'GET') {
      return `${who}: a read-only key changed something (${res.statusCode})`;
    }
    const leaked = leaks(res.body, 'api_key');
    return leaked.length > 0 ? `${who}: the response contains ids it may not see: ${leaked.join(', ')}` : null;
  }

  for (const [file, rows] of rowsByFile) {
    for (const row of rows) {
      it(`${key(row)}${row.record ? ` [${row.record}]` : ''} (${file})`, async () => {
        const failures: string[] = [];
        for (const actor of actors) {
          const failure = await attempt(row, actor);
          if (failure) failures.push(failure);
        }
        for (const scope of apiKeyScopes) {
          const failure = await attemptWithKey(row, scope);
          if (failure) failures.push(failure);
        }
        expect(failures).toEqual([]);
      });
    }
  }
});
