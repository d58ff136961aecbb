import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Conflict } from '../../src/core/errors.js';
import { openTestApp, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';

describe.each(backends)('HTTP foundation on the %s database', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await openTestApp(backend);
    // Probe routes that exercise the one error handler the real routes share.
    t.app.post('/api/v1/_probe', { schema: { body: z.object({ name: z.string().min(1), slots: z.array(z.number()).max(3) }) } }, () => ({ ok: true }));
    t.app.get('/api/v1/_boom', () => {
      throw new Error('select * from secrets where password = 42');
    });
    t.app.get('/api/v1/_conflict', () => {
      throw new Conflict('Already booked', { alternatives: [] });
    });
    await t.app.ready();
  });
  afterAll(() => t.close());

  it('answers health and readiness with the version', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', version: '0.1.0' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/v1/nothing-here.' } });
  });

  it('rejects invalid input with 400 and field paths', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/_probe', payload: { name: '', slots: [1, 2, 3, 4] } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.name', 'body.slots']);
  });

  it('rejects malformed JSON and oversized bodies readably', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/_probe', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_json');
    const big = await t.app.inject({ method: 'POST', url: '/api/v1/_probe', payload: { name: 'x'.repeat(600 * 1024), slots: [] } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
  });

  it('hides internals of unexpected errors behind a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/_boom', headers: { 'x-request-id': 'req-12345678' } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['x-request-id']).toBe('req-12345678');
    expect(res.body).not.toContain('select');
    expect(res.json().error).toEqual({ code: 'internal_error', message: 'Something went wrong on our side. Reference: req-12345678' });
  });

  it('maps domain errors to their status with details', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/_conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'conflict', message: 'Already booked', details: { alternatives: [] } } });
  });

  it('sends a strict content security policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('publishes the OpenAPI document and the docs page', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'Loopwise API' } });
    expect(Object.keys(spec.json().paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz']));
    const docs = await t.app.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });
});

describe('serving the built web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    const webDir = mkdtempSync(path.join(os.tmpdir(), 'loopwise-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Loopwise</title>');
    writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await openTestApp('embedded', { webDir });
  });
  afterAll(() => t.close());

  it('caches hashed assets forever and the page never', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await t.app.inject({ method: 'GET', url: '/requisitions/42', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<title>Loopwise</title>');
  });

  it('keeps API 404s as JSON even for browsers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/missing', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
