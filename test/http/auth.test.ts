import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottle, sessionPolicy } from '../../src/services/sessions.js';
import { openTestApp, signIn, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';

describe.each(backends)('sign-in and sessions on the %s database', (backend) => {
  let t: TestApp;
  let clock = new Date('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => clock });
  });
  afterAll(() => t.close());

  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });

  it('signs in, shows the user and their organization, and sets safe cookies', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'Recruiter@Acme.test ', password: 'loopwise-demo' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: 'recruiter@acme.test', role: 'recruiter', organization: { name: 'Acme Staffing' }, client: null });
    const session = res.cookies.find((c) => c.name === 'lw_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.cookies.find((c) => c.name === 'lw_csrf')?.httpOnly).toBeFalsy();
    expect(JSON.stringify(res.json())).not.toContain('argon2');
  });

  it('shows a client user their client', async () => {
    const s = await signIn(t.app, 'client@northwind.test');
    expect((await me(s.headers)).json().user.client).toMatchObject({ name: 'Northwind' });
  });

  it('refuses wrong passwords and unknown accounts with the same 401', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'hm@acme.test', password: 'nope-nope-nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ghost@acme.test', password: 'nope-nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect((await me({})).statusCode).toBe(401);
  });

  it('throttles an account after repeated failures, with Retry-After', async () => {
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'interviewer7@acme.test', password }, remoteAddress: '10.1.1.1' });
    for (let i = 0; i < loginThrottle.perAccount; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
    const blocked = await attempt('loopwise-demo');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(blocked.headers['retry-after']).toBe(String(loginThrottle.windowMinutes * 60));
    clock = new Date(clock.getTime() + (loginThrottle.windowMinutes + 1) * 60_000);
    expect((await attempt('loopwise-demo')).statusCode).toBe(200);
  });

  it('throttles an IP that tries many accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < loginThrottle.perIp; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `spray${i}@acme.test`, password: 'x' }, remoteAddress: ip });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@acme.test', password: 'loopwise-demo' }, remoteAddress: ip });
    expect(res.statusCode).toBe(429);
  });

  it('requires the CSRF token for cookie-authenticated changes', async () => {
    const s = await signIn(t.app, 'coordinator@acme.test');
    const withoutToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie }, payload: {} });
    expect(withoutToken.statusCode).toBe(403);
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'forged' }, payload: {} });
    expect(forged.statusCode).toBe(403);
    expect((await me(s.headers)).statusCode).toBe(200);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers, payload: {} });
    expect(ok.json()).toEqual({ endedSessions: 1 });
    expect((await me(s.headers)).statusCode).toBe(401);
  });

  it('rotates the session at every login and can end them all', async () => {
    const first = await signIn(t.app, 'hm@acme.test');
    const second = await signIn(t.app, 'hm@acme.test');
    expect(second.cookie).not.toBe(first.cookie);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: second.headers, payload: { everywhere: true } });
    expect(res.json().endedSessions).toBeGreaterThanOrEqual(2);
    expect((await me(first.headers)).statusCode).toBe(401);
  });

  it('expires idle sessions and caps every session at an absolute lifetime', async () => {
    const idle = await signIn(t.app, 'interviewer1@acme.test');
    clock = new Date(clock.getTime() + (sessionPolicy.idleMinutes + 1) * 60_000);
    expect((await me(idle.headers)).statusCode).toBe(401);

    const busy = await signIn(t.app, 'interviewer1@acme.test');
    const end = clock.getTime() + sessionPolicy.absoluteHours * 3_600_000;
    while (clock.getTime() + 4 * 3_600_000 < end) {
      clock = new Date(clock.getTime() + 4 * 3_600_000);
      expect((await me(busy.headers)).statusCode).toBe(200);
    }
    clock = new Date(end + 1000);
    expect((await me(busy.headers)).statusCode).toBe(401);
  });
});
