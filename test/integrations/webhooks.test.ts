import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../src/integrations/secret-box.js';
import { isPrivateAddress, newWebhookSecret, postWebhook, sign, verify, webhookUrlProblem } from '../../src/integrations/webhooks.js';

const key = Buffer.alloc(32, 7);

describe('secret box (AES-256-GCM)', () => {
  it('round-trips, never stores the plaintext, and refuses another key, context or an edited value', () => {
    const sealed = seal(key, 'whsec_topsecret', 'webhook_endpoint:1');
    expect(sealed).not.toContain('topsecret');
    expect(seal(key, 'whsec_topsecret', 'webhook_endpoint:1')).not.toBe(sealed);
    expect(unseal(key, sealed, 'webhook_endpoint:1')).toBe('whsec_topsecret');
    expect(() => unseal(Buffer.alloc(32, 8), sealed, 'webhook_endpoint:1')).toThrow();
    expect(() => unseal(key, sealed, 'webhook_endpoint:2')).toThrow();
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 3), Buffer.from('X' + Buffer.from(parts[3] ?? '', 'base64url').toString('latin1').slice(1), 'latin1').toString('base64url')].join('.');
    expect(() => unseal(key, tampered, 'webhook_endpoint:1')).toThrow();
  });
});

describe('webhook signatures (Standard Webhooks style)', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ type: 'interview.booked', data: { id: 'x' } });
  const at = new Date('2026-11-25T12:00:00Z');

  it('signs "id.timestamp.body" with the decoded secret, as the spec’s libraries expect', () => {
    const headers = sign(secret, 'msg_1', at, body);
    const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`msg_1.1795608000.${body}`).digest('base64');
    expect(headers).toEqual({ 'webhook-id': 'msg_1', 'webhook-timestamp': '1795608000', 'webhook-signature': `v1,${expected}` });
  });

  it('verifies a fresh signature, also among several; refuses old or future timestamps, edits and other secrets', () => {
    const headers = sign(secret, 'msg_1', at, body);
    expect(verify(secret, headers, body, new Date(at.getTime() + 60_000))).toEqual({ ok: true });
    expect(verify(secret, { ...headers, 'webhook-signature': `v1,bm9wZQ== ${headers['webhook-signature']}` }, body, at)).toEqual({ ok: true });
    expect(verify(secret, headers, body, new Date(at.getTime() + 5 * 60_000 + 1000))).toEqual({ ok: false, reason: 'timestamp_out_of_range' });
    expect(verify(secret, headers, body, new Date(at.getTime() - 5 * 60_000 - 1000))).toEqual({ ok: false, reason: 'timestamp_out_of_range' });
    expect(verify(secret, headers, body.replace('x', 'y'), at)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify(newWebhookSecret(), headers, body, at)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify(secret, { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) + 1) }, body, at)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify(secret, { 'webhook-id': 'msg_1' }, body, at)).toEqual({ ok: false, reason: 'missing_headers' });
  });
});

describe('webhook URLs (SSRF)', () => {
  it('accepts only http(s) and, in production, no loopback, private, link-local or metadata addresses', () => {
    expect(webhookUrlProblem('https://hooks.example.com/loopwise', false)).toBeNull();
    expect(webhookUrlProblem('ftp://hooks.example.com/', false)).toMatch(/http/);
    expect(webhookUrlProblem('not a url', true)).toMatch(/absolute/);
    expect(webhookUrlProblem('https://user:pw@hooks.example.com/', true)).toMatch(/credentials/);
    for (const url of ['http://127.0.0.1:8080/', 'http://localhost/', 'http://10.1.2.3/', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://192.168.0.10/', 'http://[::ffff:127.0.0.1]/']) {
      expect(webhookUrlProblem(url, false), url).not.toBeNull();
      expect(webhookUrlProblem(url, true), url).toBeNull();
    }
    expect(isPrivateAddress('93.184.215.14')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
    expect(isPrivateAddress('fd00::1')).toBe(true);
  });
});

describe('posting a webhook', () => {
  it('reaches a loopback receiver only where private addresses are allowed, and does not follow redirects', async () => {
    let hits = 0;
    const server = createServer((_request, response) => {
      hits++;
      response.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}/hook`;
    const headers = sign(newWebhookSecret(), 'msg_1', new Date(), '{}');
    try {
      const refused = await postWebhook({ url, headers, body: '{}', timeoutMs: 2_000, allowPrivate: false });
      expect(refused).toMatchObject({ statusCode: null, error: 'The URL must not point at a private or loopback address.' });
      expect(hits).toBe(0);
      const allowed = await postWebhook({ url, headers, body: '{}', timeoutMs: 2_000, allowPrivate: true });
      expect(allowed).toMatchObject({ statusCode: 302, error: null });
      expect(hits).toBe(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
