import { z } from 'zod';
import { apiKeyScopes, type ApiKey } from '../../db/schema.js';

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters of the key, so people can tell keys apart; never enough to use it. */
  prefix: z.string(),
  scope: z.enum(apiKeyScopes),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

/** An API key as admins see it: the secret and its hash never leave the server. */
export function presentApiKey(key: ApiKey): z.infer<typeof apiKeySchema> {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scope: key.scope,
    createdBy: key.created_by,
    createdAt: key.created_at.toISOString(),
    lastUsedAt: key.last_used_at?.toISOString() ?? null,
    revokedAt: key.revoked_at?.toISOString() ?? null,
  };
}

export const createdApiKeySchema = z.object({
  apiKey: apiKeySchema,
  secret: z.string().describe('The key itself. Shown only in this response: store it now.'),
});
