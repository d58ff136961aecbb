import { z } from 'zod';
import type { User } from '../../db/schema.js';
import { presentUser, userSchema } from './user.js';

/** A user in the admin directory: the staff view plus whether their invite is still open. */
export const directoryUserSchema = userSchema.extend({
  invitePending: z.boolean(),
});

export function presentDirectoryUser(user: User): z.infer<typeof directoryUserSchema> {
  return { ...presentUser(user), invitePending: user.password_hash === null };
}
