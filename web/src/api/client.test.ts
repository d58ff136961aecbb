import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from './client';

type Call = { url: string; init: RequestInit };

function stubServer(status: number, body: string, cookie = ''): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('document', { cookie });
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } }));
  });
  return calls;
}

const header = (call: Call | undefined, name: string) => new Headers(call?.init.headers).get(name);

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('sends JSON with same-origin cookies and the CSRF cookie as a header on POST', async () => {
    const calls = stubServer(200, '{"ok":true}', 'theme=x; lw_csrf=abc%3D123; other=y');
    expect(await api.post('/api/v1/things', { name: 'n' })).toEqual({ ok: true });
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(calls[0]?.init.body).toBe('{"name":"n"}');
    expect(header(calls[0], 'content-type')).toBe('application/json');
    expect(header(calls[0], 'x-csrf-token')).toBe('abc=123');
  });

  it('does not send the CSRF header on GET', async () => {
    const calls = stubServer(200, '{}', 'lw_csrf=abc');
    await api.get('/api/v1/me');
    expect(header(calls[0], 'x-csrf-token')).toBeNull();
  });

  it("turns the API's error body into an ApiError with its code, message and details", async () => {
    stubServer(400, JSON.stringify({ error: { code: 'invalid', message: 'Email is required.', details: [{ path: 'email' }] } }));
    const error = await api.post('/api/v1/auth/login', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid', message: 'Email is required.', details: [{ path: 'email' }] });
  });

  it('explains a non-JSON failure by its status', async () => {
    stubServer(502, '<html>Bad gateway</html>');
    await expect(api.get('/api/v1/me')).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.get('/healthz')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
