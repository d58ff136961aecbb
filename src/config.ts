import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const secretsFile = 'secrets.json';

const optionalUrl = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || hasProtocol(value, protocols), {
      message: `must be a URL like ${example}`,
    });

function hasProtocol(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const secret = (name: string) =>
  z
    .string()
    .optional()
    .refine((value) => value === undefined || value.length >= 32, {
      message: `${name} must be at least 32 characters`,
    });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  PUBLIC_URL: optionalUrl(['http:', 'https:'], 'https://loopwise.example.com'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/loopwise'),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:'], 'smtp://user:password@mail.example.com:587'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  SESSION_SECRET: secret('SESSION_SECRET'),
  ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine((value) => value === undefined || Buffer.from(value, 'base64').length === 32, {
      message: 'must be 32 bytes encoded as base64 (openssl rand -base64 32)',
    }),
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  CALENDAR_SYNC_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  CALENDAR_STALE_MINUTES: z.coerce.number().int().min(5).max(10080).default(120),
});

export type Env = Partial<Record<keyof z.input<typeof envSchema>, string>>;

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly dataDir: string;
  /** `undefined` means the embedded database under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  readonly sessionSecret: string;
  readonly encryptionKey: Buffer;
  readonly workerPollMs: number;
  /** How long a worker owns the outbox rows it claimed; a crashed worker's rows return after it. */
  readonly outboxLeaseSeconds: number;
  /** How often each connected calendar is read again. */
  readonly calendarSyncMinutes: number;
  /** A calendar not read successfully for this long is flagged as stale to coordinators. */
  readonly calendarStaleMinutes: number;
  readonly version: string;
}

/** A configuration problem that should stop startup with one readable line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the environment once. Development secrets are generated into the data
 * folder on first run; production requires them to be set.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid ${name}: ${issue?.message ?? 'invalid value'} (got ${JSON.stringify(env[name] ?? '')})`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  const secrets = resolveSecrets(values, dataDir);
  return Object.freeze({
    env: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    dataDir,
    databaseUrl: values.DATABASE_URL,
    smtpUrl: values.SMTP_URL,
    logLevel: values.LOG_LEVEL,
    trustProxy: values.TRUST_PROXY,
    sessionSecret: secrets.sessionSecret,
    encryptionKey: Buffer.from(secrets.encryptionKey, 'base64'),
    workerPollMs: values.WORKER_POLL_MS,
    outboxLeaseSeconds: values.OUTBOX_LEASE_SECONDS,
    calendarSyncMinutes: values.CALENDAR_SYNC_MINUTES,
    calendarStaleMinutes: values.CALENDAR_STALE_MINUTES,
    version: readVersion(),
  });
}

interface Secrets {
  sessionSecret: string;
  encryptionKey: string;
}

function resolveSecrets(values: z.output<typeof envSchema>, dataDir: string): Secrets {
  if (values.SESSION_SECRET && values.ENCRYPTION_KEY) {
    return { sessionSecret: values.SESSION_SECRET, encryptionKey: values.ENCRYPTION_KEY };
  }
  if (values.NODE_ENV === 'production') {
    const missing = values.SESSION_SECRET ? 'ENCRYPTION_KEY' : 'SESSION_SECRET';
    throw new ConfigError(`Missing ${missing}: it is required when NODE_ENV=production`);
  }
  const stored = readOrCreateSecrets(dataDir);
  return {
    sessionSecret: values.SESSION_SECRET ?? stored.sessionSecret,
    encryptionKey: values.ENCRYPTION_KEY ?? stored.encryptionKey,
  };
}

function readOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, secretsFile);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const secrets: Secrets = {
    sessionSecret: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}

function readVersion(): string {
  const url = new URL('../package.json', import.meta.url);
  const fallback = new URL('../../package.json', import.meta.url);
  const file = existsSync(url) ? url : fallback;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
