import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/auth/tokens.js';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';

describe.each(backends)('API keys on the %s database', (backend) => {
  let t: TestApp;
  let admin: Session;
  let clock = new Date('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => clock });
    admin = await signIn(t.app, 'admin@acme.test');
  });
  afterAll(() => t.close());

  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

  async function createKey(scope: 'read' | 'scheduling' | 'admin', headers: Record<string, string> = admin.headers) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload: { name: `ATS sync (${scope})`, scope } });
    expect(res.statusCode).toBe(201);
    return res.json<{ apiKey: { id: string; prefix: string; scope: string; lastUsedAt: string | null }; secret: string }>();
  }

  it('shows the secret once and stores only its hash', async () => {
    const { apiKey, secret } = await createKey('read');
    expect(secret).toMatch(/^lw_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ scope: 'read', prefix: secret.slice(0, 9), lastUsedAt: null, revokedAt: null });

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((k: { id: string }) => k.id)).toContain(apiKey.id);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(hashToken(secret));

    const stored = await t.database.db.selectFrom('api_keys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
    expect(stored.key_hash).toBe(hashToken(secret));
    expect(JSON.stringify(stored)).not.toContain(secret.slice(9));
    const audit = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', apiKey.id).execute();
    expect(audit.map((e) => e.action)).toEqual(['api_key.created']);
    expect(JSON.stringify(audit)).not.toContain(secret.slice(9));
  });

  it('authenticates bearer requests without a CSRF token and records when the key was last used', async () => {
    const { apiKey, secret } = await createKey('admin');
    clock = new Date(clock.getTime() + 60 * 60_000);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(secret), payload: { name: 'Minted by a key', scope: 'read' } });
    expect(res.statusCode).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin.headers });
    const used = list.json().items.find((k: { id: string }) => k.id === apiKey.id);
    expect(used.lastUsedAt).toBe(clock.toISOString());
    const created = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', res.json().apiKey.id).executeTakeFirstOrThrow();
    expect(created).toMatchObject({ actor_type: 'api_key', actor_id: apiKey.id, action: 'api_key.created' });
  });

  it('lets a read key read but not write', async () => {
    const { secret } = await createKey('read');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organization', headers: bearer(secret) })).statusCode).toBe(200);
    const rename = await t.app.inject({ method: 'PATCH', url: '/api/v1/organization', headers: bearer(secret), payload: { name: 'Hijacked' } });
    expect(rename.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(secret) })).statusCode).toBe(404);
  });

  it('lets a scheduling key work as a coordinator but not manage keys or settings', async () => {
    const { secret } = await createKey('scheduling');
    const target = await createKey('read');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(secret) })).statusCode).toBe(404);
    const create = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(secret), payload: { name: 'Escalate', scope: 'admin' } });
    expect(create.statusCode).toBe(404);
    const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/api-keys/${target.apiKey.id}/revoke`, headers: bearer(secret) });
    expect(revoke.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/organization', headers: bearer(secret), payload: { name: 'Nope' } })).statusCode).toBe(403);
  });

  it('lets an admin key manage keys and settings', async () => {
    const { secret } = await createKey('admin');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(secret) })).statusCode).toBe(200);
    const rename = await t.app.inject({ method: 'PATCH', url: '/api/v1/organization', headers: bearer(secret), payload: { name: 'Acme Staffing' } });
    expect(rename.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) })).statusCode).toBe(403);
  });

  it('refuses a key as soon as it is revoked, and records who revoked it', async () => {
    const { apiKey, secret } = await createKey('admin');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) })).statusCode).toBe(200);
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/api-keys/${apiKey.id}/revoke`, headers: admin.headers });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toBe(clock.toISOString());
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('unauthenticated');
    const event = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', apiKey.id).where('action', '=', 'api_key.revoked').executeTakeFirstOrThrow();
    expect(event.actor_id).toBe((await t.database.db.selectFrom('users').select('id').where('email', '=', 'admin@acme.test').executeTakeFirstOrThrow()).id);
  });

  it('refuses unknown and malformed keys with 401, even next to a valid session cookie', async () => {
    for (const value of ['lw_not-a-real-key', 'not-even-prefixed', `lw_${'A'.repeat(43)}`]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { ...admin.headers, ...bearer(value) } });
      expect(res.statusCode).toBe(401);
    }
  });

  it('keeps keys inside their organization', async () => {
    const acmeKey = await createKey('admin');
    const beta = await signIn(t.app, 'admin@beta.test');
    const betaKey = await createKey('admin', beta.headers);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(betaKey.secret) });
    expect(list.json().items.map((k: { id: string }) => k.id)).toEqual([betaKey.apiKey.id]);
    const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/api-keys/${acmeKey.apiKey.id}/revoke`, headers: bearer(betaKey.secret) });
    expect(revoke.statusCode).toBe(404);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=100', headers: bearer(betaKey.secret) });
    expect(audit.body).not.toContain(acmeKey.apiKey.id);
  });

  it('applies the same credentials and CSRF rules to a percent-encoded path', async () => {
    const url = '/%61pi/v1/api-keys';
    expect((await t.app.inject({ method: 'GET', url, headers: admin.headers })).statusCode).toBe(200);
    const noCsrf = await t.app.inject({ method: 'POST', url, headers: { cookie: admin.cookie }, payload: { name: 'Encoded', scope: 'read' } });
    expect(noCsrf.statusCode).toBe(403);
    const { secret } = await createKey('admin');
    expect((await t.app.inject({ method: 'POST', url, headers: bearer(secret), payload: { name: 'Encoded', scope: 'read' } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url, headers: bearer('lw_forged') })).statusCode).toBe(401);
  });

  it('pages through the keys, newest first', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/api-keys?limit=100', headers: admin.headers })).json();
    expect(all.items.length).toBeGreaterThan(5);
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/api-keys?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: admin.headers });
      const page: { items: { id: string }[]; nextCursor: string | null } = res.json();
      seen.push(...page.items.map((k) => k.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((k: { id: string }) => k.id));
  });

  it('validates the new key', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: admin.headers, payload: { name: 'x'.repeat(101), scope: 'root' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.name', 'body.scope']);
  });
});
