// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules that perform I/O or read a clock: the pure core must never import them. */
const ioModules = [
  'kysely', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/*', 'fastify', 'fastify-*', '@fastify/*',
  'pino', 'nodemailer', 'tsdav', 'proper-lockfile', 'commander',
  'fs', 'fs/*', 'node:fs', 'node:fs/*', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https',
  'child_process', 'node:child_process', 'node:dgram', 'node:dns', 'node:os', 'node:process', 'node:timers', 'node:timers/*',
  'node:worker_threads', 'node:cluster', 'node:tls', 'node:perf_hooks',
];
const ioLayers = ['**/db/**', '**/http/**', '**/services/**', '**/jobs/**', '**/integrations/**', '**/cli/**', '**/auth/**', '**/config*'];

/**
 * The import boundary of DESIGN §8: src/core is pure. Exported so a test can prove it bites.
 * @type {import('eslint').Linter.Config}
 */
export const corePurity = {
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [],
      patterns: [
        { group: ioModules, message: 'src/core is pure: no I/O modules (database, HTTP, files, network, logging).' },
        { group: ioLayers, message: 'src/core is pure: it may not import the I/O layers.' },
      ],
    }],
    'no-restricted-globals': ['error',
      { name: 'fetch', message: 'src/core is pure: no network.' },
      { name: 'process', message: 'src/core is pure: no process state; pass values in.' },
      { name: 'setTimeout', message: 'src/core is pure: no timers.' },
      { name: 'setInterval', message: 'src/core is pure: no timers.' },
    ],
    'no-restricted-syntax': ['error',
      { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/core is pure: pass `now` in instead of reading the clock.' },
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core is pure: pass `now` in instead of reading the clock.' },
      { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(now|local)$/]", message: 'src/core is pure: pass `now` in instead of reading the clock.' },
      { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'src/core is pure: no clocks.' },
      { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'src/core is deterministic: no Math.random.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'web/**', 'coverage/**', 'test/fixtures/**', '.test-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify plugins are async by contract even when they only register routes.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  corePurity,
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
