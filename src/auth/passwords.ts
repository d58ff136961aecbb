import { hash, verify } from '@node-rs/argon2';
import { Invalid } from '../core/errors.js';

export const minPasswordLength = 10;

/** argon2id (the library's default algorithm) with its recommended memory and time costs. */
export function hashPassword(password: string): Promise<string> {
  if (password.length < minPasswordLength) {
    throw new Invalid(`Passwords need at least ${minPasswordLength} characters.`, [
      { path: 'body.password', message: `must have at least ${minPasswordLength} characters` },
    ]);
  }
  return hash(password);
}

// Verifying against a real hash when the account does not exist keeps response times equal,
// so login timing does not reveal which emails have accounts.
const decoy = hash('decoy-password-for-timing');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await decoy, password);
    return false;
  }
  return verify(passwordHash, password);
}
