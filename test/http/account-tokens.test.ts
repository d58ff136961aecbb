import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { resetEmailsPerHour } from '../../src/services/account-tokens.js';
import { openTestApp, signIn, testConfig, type Session, type TestApp } from '../helpers/app.js';
import { backends, openTestDatabase } from '../helpers/db.js';
import { emailsTo, lastLinkToken } from '../helpers/mail.js';

describe.each(backends)('invite and password reset links on the %s database', (backend) => {
  let t: TestApp;
  let admin: Session;
  let clock = new Date('2026-12-01T15:00:00Z');
  // Every read of the clock moves it on a millisecond, so emails have a stable order.
  const now = () => (clock = new Date(clock.getTime() + 1));
  const minutes = (n: number) => (clock = new Date(clock.getTime() + n * 60_000));

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now });
    admin = await signIn(t.app, 'admin@acme.test');
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload, headers });
  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
  const invite = (email: string) =>
    post('/api/v1/users/invites', { email, name: 'Nia New', role: 'recruiter', timeZone: 'Europe/London' }, admin.headers);
  const auditActions = async (entityId: string) =>
    (await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', entityId).orderBy('seq').execute()).map((row) => row.action);

  it('invites, accepts with a password, signs the new user in, and the password works afterwards', async () => {
    const invited = await invite('nia@acme.test');
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email: 'nia@acme.test', invitePending: true, active: true });
    const [email] = await emailsTo(t.database, 'nia@acme.test');
    expect(email).toMatchObject({ template: 'user.invite', subject: 'Avery Admin invited you to Acme Staffing on Loopwise' });
    expect(email?.text).toContain('http://localhost:3000/invite/');
    expect(email?.html).toContain('href="http://localhost:3000/invite/');

    const token = await lastLinkToken(t.database, 'nia@acme.test', 'invite');
    const accepted = await post('/api/v1/auth/invites/accept', { token, password: 'a-brand-new-password' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email: 'nia@acme.test', role: 'recruiter', organization: { name: 'Acme Staffing' } });
    const cookies = Object.fromEntries(accepted.cookies.map((c) => [c.name, c.value]));
    expect((await me({ cookie: `lw_session=${cookies.lw_session}` })).json().user.email).toBe('nia@acme.test');

    await signIn(t.app, 'nia@acme.test', 'a-brand-new-password');
    expect(await auditActions(invited.json().id)).toEqual(['user.invited', 'user.invite_accepted', 'session.created', 'session.created']);
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/users/${invited.json().id}`, headers: admin.headers });
    expect(listed.json().invitePending).toBe(false);
  });

  it('uses an invite link once', async () => {
    await invite('once@acme.test');
    const token = await lastLinkToken(t.database, 'once@acme.test', 'invite');
    expect((await post('/api/v1/auth/invites/accept', { token, password: 'first-password-1' })).statusCode).toBe(200);
    const again = await post('/api/v1/auth/invites/accept', { token, password: 'second-password-2' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/invite link is invalid, already used or expired/);
    await signIn(t.app, 'once@acme.test', 'first-password-1');
  });

  it('expires invite links after 7 days and a resend replaces the old link', async () => {
    await invite('late@acme.test');
    const first = await lastLinkToken(t.database, 'late@acme.test', 'invite');
    minutes(7 * 24 * 60 + 1);
    expect((await post('/api/v1/auth/invites/accept', { token: first, password: 'too-late-password' })).statusCode).toBe(404);
    admin = await signIn(t.app, 'admin@acme.test');

    const user = await t.database.db.selectFrom('users').select('id').where('email', '=', 'late@acme.test').executeTakeFirstOrThrow();
    const resent = await post(`/api/v1/users/${user.id}/invites/resend`, {}, admin.headers);
    expect(resent.statusCode).toBe(200);
    const second = await lastLinkToken(t.database, 'late@acme.test', 'invite');
    expect(second).not.toBe(first);

    await post(`/api/v1/users/${user.id}/invites/resend`, {}, admin.headers);
    const third = await lastLinkToken(t.database, 'late@acme.test', 'invite');
    expect((await post('/api/v1/auth/invites/accept', { token: second, password: 'replaced-password' })).statusCode).toBe(404);
    expect((await post('/api/v1/auth/invites/accept', { token: third, password: 'in-time-password' })).statusCode).toBe(200);
    const done = await post(`/api/v1/users/${user.id}/invites/resend`, {}, admin.headers);
    expect(done.statusCode).toBe(422);
  });

  it('refuses unknown tokens and short passwords readably', async () => {
    const unknown = await post('/api/v1/auth/invites/accept', { token: 'x'.repeat(43), password: 'long-enough-password' });
    expect(unknown.statusCode).toBe(404);
    await invite('short@acme.test');
    const token = await lastLinkToken(t.database, 'short@acme.test', 'invite');
    const short = await post('/api/v1/auth/invites/accept', { token, password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('body.password');
    expect((await post('/api/v1/auth/invites/accept', { token, password: 'now-long-enough' })).statusCode).toBe(200);
  });

  it('answers a reset request the same way whether or not the account exists', async () => {
    const known = await post('/api/v1/auth/password-reset', { email: 'HM@acme.test' });
    const unknown = await post('/api/v1/auth/password-reset', { email: 'nobody@acme.test' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(await emailsTo(t.database, 'nobody@acme.test')).toHaveLength(0);
    const [email] = await emailsTo(t.database, 'hm@acme.test');
    expect(email).toMatchObject({ template: 'user.password_reset', subject: 'Reset your Loopwise password' });
  });

  it('resets a password once, ends every session, and the old password stops working', async () => {
    const before = await signIn(t.app, 'interviewer2@acme.test');
    await post('/api/v1/auth/password-reset', { email: 'interviewer2@acme.test' });
    const token = await lastLinkToken(t.database, 'interviewer2@acme.test', 'reset-password');
    const done = await post('/api/v1/auth/password-reset/confirm', { token, password: 'reset-password-123' });
    expect(done.statusCode).toBe(204);
    expect((await me(before.headers)).statusCode).toBe(401);
    const oldPassword = await post('/api/v1/auth/login', { email: 'interviewer2@acme.test', password: 'loopwise-demo' });
    expect(oldPassword.statusCode).toBe(401);
    await signIn(t.app, 'interviewer2@acme.test', 'reset-password-123');
    const again = await post('/api/v1/auth/password-reset/confirm', { token, password: 'another-password-1' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/reset link is invalid, already used or expired/);
    const user = await t.database.db.selectFrom('users').select('id').where('email', '=', 'interviewer2@acme.test').executeTakeFirstOrThrow();
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['user.password_reset_requested', 'user.password_reset']));
  });

  it('expires reset links after an hour', async () => {
    await post('/api/v1/auth/password-reset', { email: 'interviewer3@acme.test' });
    const token = await lastLinkToken(t.database, 'interviewer3@acme.test', 'reset-password');
    minutes(61);
    expect((await post('/api/v1/auth/password-reset/confirm', { token, password: 'too-late-password' })).statusCode).toBe(404);
    await signIn(t.app, 'interviewer3@acme.test');
    admin = await signIn(t.app, 'admin@acme.test');
  });

  it('caps reset emails per account per hour without telling the requester', async () => {
    for (let i = 0; i < resetEmailsPerHour + 2; i++) {
      expect((await post('/api/v1/auth/password-reset', { email: 'interviewer4@acme.test' })).statusCode).toBe(202);
    }
    expect(await emailsTo(t.database, 'interviewer4@acme.test')).toHaveLength(resetEmailsPerHour);
  });

  it('sends no reset email to a deactivated account', async () => {
    const user = await t.database.db.selectFrom('users').select('id').where('email', '=', 'interviewer5@acme.test').executeTakeFirstOrThrow();
    const deactivated = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: admin.headers, payload: { active: false } });
    expect(deactivated.statusCode).toBe(200);
    expect((await post('/api/v1/auth/password-reset', { email: 'interviewer5@acme.test' })).statusCode).toBe(202);
    expect(await emailsTo(t.database, 'interviewer5@acme.test')).toHaveLength(0);
  });

  it('shows queued emails in the dev mailbox, newest first, with clickable links', async () => {
    await invite('mailbox@acme.test');
    const json = await t.app.inject({ method: 'GET', url: '/dev/mail.json' });
    expect(json.statusCode).toBe(200);
    expect(json.json().items[0]).toMatchObject({ to: 'mailbox@acme.test', template: 'user.invite' });
    const page = await t.app.inject({ method: 'GET', url: '/dev/mail' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const token = await lastLinkToken(t.database, 'mailbox@acme.test', 'invite');
    expect(page.body).toContain(`<a href="http://localhost:3000/invite/${token}">`);
    expect(page.body).not.toContain('<script');
  });

  it('answers only on this machine, so nobody can read reset links remotely', async () => {
    for (const url of ['/dev/mail.json', '/dev/mail']) {
      expect((await t.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.9' })).statusCode).toBe(404);
      const spoofed = await t.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': '127.0.0.1' } });
      expect(spoofed.statusCode).toBe(404);
    }
  });
});

describe.each(backends)('the dev mailbox in production on the %s database', (backend) => {
  it('does not exist', async () => {
    const database = await openTestDatabase(backend);
    const app = await buildApp({ config: testConfig({ NODE_ENV: 'production' }), database, now: () => new Date() }, { webDir: '/nonexistent' });
    try {
      expect((await app.inject({ method: 'GET', url: '/dev/mail.json' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/dev/mail' })).statusCode).toBe(404);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
