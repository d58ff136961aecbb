import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';

describe.each(backends)('organization settings on the %s database', (backend) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true });
    admin = await signIn(t.app, 'admin@acme.test');
  });
  afterAll(() => t.close());

  const get = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/organization', headers });
  const patch = (headers: Record<string, string>, payload: object) => t.app.inject({ method: 'PATCH', url: '/api/v1/organization', headers, payload });

  it('shows every signed-in user their own organization only', async () => {
    const interviewer = await signIn(t.app, 'interviewer1@acme.test');
    expect((await get(interviewer.headers)).json()).toMatchObject({ name: 'Acme Staffing', defaultTimeZone: 'America/New_York' });
    const beta = await signIn(t.app, 'admin@beta.test');
    expect((await get(beta.headers)).json()).toMatchObject({ name: 'Beta Talent', defaultTimeZone: 'America/Los_Angeles' });
    expect((await get({})).statusCode).toBe(401);
  });

  it('lets an admin rename it and change the default time zone, audited before → after', async () => {
    const res = await patch(admin.headers, { name: '  Acme Talent  ', defaultTimeZone: 'Europe/London' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Acme Talent', defaultTimeZone: 'Europe/London' });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: admin.headers });
    expect(me.json().user.organization).toMatchObject({ name: 'Acme Talent', defaultTimeZone: 'Europe/London' });
    const event = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'organization.updated').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ entity_id: res.json().id, actor_label: 'Avery Admin' });
    expect(event.changes).toEqual({
      name: { from: 'Acme Staffing', to: 'Acme Talent' },
      default_time_zone: { from: 'America/New_York', to: 'Europe/London' },
    });
  });

  it('records nothing when nothing changes', async () => {
    const count = async () => (await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'organization.updated').execute()).length;
    const before = await count();
    expect((await patch(admin.headers, { name: 'Acme Talent' })).statusCode).toBe(200);
    expect(await count()).toBe(before);
  });

  it('rejects time zones that are not IANA zones, empty names and unknown fields', async () => {
    const zone = await patch(admin.headers, { defaultTimeZone: 'Mars/Olympus_Mons' });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.details[0]).toMatchObject({ path: 'body.defaultTimeZone' });
    expect((await patch(admin.headers, { defaultTimeZone: 'EST5EDT' })).statusCode).toBe(200);
    expect((await patch(admin.headers, { name: '   ' })).statusCode).toBe(400);
    expect((await patch(admin.headers, { name: 'x'.repeat(201) })).statusCode).toBe(400);
    expect((await patch(admin.headers, { id: 'other' })).statusCode).toBe(400);
  });

  it('refuses changes by anyone but an admin with 403', async () => {
    const recruiter = await signIn(t.app, 'recruiter@acme.test');
    const res = await patch(recruiter.headers, { name: 'Hijacked' });
    expect(res.statusCode).toBe(403);
    expect((await get(recruiter.headers)).json().name).toBe('Acme Talent');
  });
});
