import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const version = 'v1';
const ivBytes = 12;
const tagBytes = 16;

/**
 * Seals a secret with AES-256-GCM under the 32-byte key from the environment (`ENCRYPTION_KEY`).
 * The result is `v1.<iv>.<tag>.<ciphertext>` in base64url: a fresh IV per seal, and the
 * authentication tag makes any edit of the stored value fail to open. `context` (e.g. the row's
 * purpose) is bound as associated data, so a sealed value cannot be moved to another column.
 */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [version, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** Opens a value from `seal`; throws when the key, the context or the value is wrong. */
export function unseal(key: Buffer, sealed: string, context: string): string {
  const [prefix, iv, tag, ciphertext] = sealed.split('.');
  if (prefix !== version || iv === undefined || tag === undefined || ciphertext === undefined) throw new Error('Not a sealed secret.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: tagBytes });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
