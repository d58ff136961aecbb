import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and never use app types */
export async function up(_db: Kysely<any>): Promise<void> {}
