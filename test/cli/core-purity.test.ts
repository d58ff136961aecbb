import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { corePurity } from '../../eslint.config.js';

const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, corePurity],
});

async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.message);
}

describe('the pure-core lint boundary', () => {
  it.each([
    ["import { Kysely } from 'kysely';", 'no I/O modules'],
    ["import { readFileSync } from 'node:fs';", 'no I/O modules'],
    ["import pino from 'pino';", 'no I/O modules'],
    ["import { db } from '../db/connection.js';", 'may not import the I/O layers'],
    ["import { buildApp } from '../http/app.js';", 'may not import the I/O layers'],
    ['export const t = Date.now();', 'pass `now` in'],
    ['export const t = new Date();', 'pass `now` in'],
    ["import { DateTime } from 'luxon'; export const t = DateTime.now();", 'pass `now` in'],
    ['export const r = Math.random();', 'no Math.random'],
  ])('refuses `%s` in src/core', async (code, expected) => {
    const messages = await messagesFor(code, 'src/core/example.ts');
    expect(messages.join('\n')).toContain(expected);
  });

  it('allows pure code in src/core and I/O outside it', async () => {
    expect(await messagesFor("import { DateTime } from 'luxon'; export const d = (ms: number) => DateTime.fromMillis(ms);", 'src/core/example.ts')).toEqual([]);
    expect(await messagesFor("import { readFileSync } from 'node:fs'; export const t = Date.now(); export { readFileSync };", 'src/db/example.ts')).toEqual([]);
  });
});
