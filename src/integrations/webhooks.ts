import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Signed webhooks in the style of the Standard Webhooks specification (standardwebhooks.com):
 * headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, several separated by spaces). Secrets are
 * `whsec_<base64 key>`, and the HMAC key is the decoded bytes, so the spec's libraries verify them.
 */

const secretPrefix = 'whsec_';
/** Verification refuses timestamps further than this from the receiver's clock (replay window). */
export const toleranceSeconds = 5 * 60;

export function newWebhookSecret(): string {
  return `${secretPrefix}${randomBytes(32).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret, 'base64');
}

export type SignedHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export function sign(secret: string, id: string, timestamp: Date, body: string): SignedHeaders {
  const seconds = String(Math.floor(timestamp.getTime() / 1000));
  const signature = createHmac('sha256', keyOf(secret)).update(`${id}.${seconds}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': `v1,${signature}` };
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing_headers' | 'timestamp_out_of_range' | 'bad_signature' };

/** What a receiver does: check the timestamp window, then compare signatures in constant time. */
export function verify(secret: string, headers: Record<string, string | string[] | undefined>, body: string, now: Date): VerifyResult {
  const id = single(headers['webhook-id']);
  const timestamp = single(headers['webhook-timestamp']);
  const signatures = single(headers['webhook-signature']);
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'timestamp_out_of_range' };
  const expected = Buffer.from(sign(secret, id, new Date(Number(timestamp) * 1000), body)['webhook-signature'].slice(3), 'base64');
  const matches = signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, reason: 'bad_signature' };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// Addresses a webhook may never reach in production: loopback, private, link-local (cloud
// metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges.
const privateRanges = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a URL cannot be a webhook endpoint, or null when it may. Names are checked again at delivery. */
export function webhookUrlProblem(value: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not contain credentials';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'must not point at this server';
  if (isIP(host) && isPrivateAddress(host)) return 'must not point at a private or loopback address';
  return null;
}

/** DNS lookup that refuses private answers, so a public name cannot be re-pointed inside (SSRF). */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    const first = addresses[0];
    if (refused || !first) {
      return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' }), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, first.address, first.family);
  });
};

export interface PostResult {
  /** Null when no HTTP response came (connection refused, timeout, refused address). */
  statusCode: number | null;
  responseMs: number;
  error: string | null;
}

export interface PostOptions {
  url: string;
  headers: SignedHeaders;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
}

/** POSTs one webhook; redirects are not followed, the response body is read and dropped. */
export function postWebhook(options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(options.url, options.allowPrivate);
  if (problem) return Promise.resolve({ statusCode: null, responseMs: 0, error: `The URL ${problem}.` });
  const url = new URL(options.url);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Loopwise-Webhooks/1', ...options.headers },
        timeout: options.timeoutMs,
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ statusCode: response.statusCode ?? null, responseMs: elapsed(), error: null }));
        response.on('error', (error) => resolve({ statusCode: response.statusCode ?? null, responseMs: elapsed(), error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`No response within ${options.timeoutMs} ms`)));
    request.on('error', (error) => resolve({ statusCode: null, responseMs: elapsed(), error: error.message }));
    request.end(options.body);
  });
}
