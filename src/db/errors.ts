import type { DatabaseConnection, Dialect, Driver } from 'kysely';
import { Conflict } from '../core/errors.js';

/** Readable messages for the constraints a user can run into; others get a generic message. */
const constraintMessages: Record<string, string> = {
  interview_assignments_no_overlap: 'An interviewer is already booked at an overlapping time (buffers included).',
  users_email_unique: 'A user with this email already exists in the organization.',
};

const conflictCodes: Record<string, string> = {
  '23P01': 'That time collides with an existing booking.',
  '23505': 'A record with the same unique value already exists.',
};

interface PostgresError {
  code?: unknown;
  constraint?: unknown;
}

/** Turns an exclusion (23P01) or unique (23505) violation into the domain `Conflict`. */
export function toDomainError(error: unknown): unknown {
  const { code, constraint } = (error ?? {}) as PostgresError;
  if (typeof code !== 'string' || !(code in conflictCodes)) return error;
  const name = typeof constraint === 'string' ? constraint : undefined;
  const message = (name && constraintMessages[name]) ?? conflictCodes[code];
  return new Conflict(message ?? 'Conflict', { constraint: name, sqlState: code });
}

const patched = new WeakSet<DatabaseConnection>();

function mapConnectionErrors(connection: DatabaseConnection): DatabaseConnection {
  if (patched.has(connection)) return connection;
  // Drivers keep private state on the connection object itself, so we wrap the method in
  // place rather than the object: every query on both backends passes through here.
  const executeQuery = connection.executeQuery.bind(connection);
  connection.executeQuery = async (query, options) => {
    try {
      return await executeQuery(query, options);
    } catch (error) {
      throw toDomainError(error);
    }
  };
  patched.add(connection);
  return connection;
}

/**
 * Wraps a Kysely dialect so that constraint violations surface as `Conflict` everywhere, once,
 * instead of each service catching SQLSTATEs.
 */
export function withConflictMapping(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: (): Driver => {
      const driver = dialect.createDriver();
      const acquire = driver.acquireConnection.bind(driver);
      driver.acquireConnection = async (options) => mapConnectionErrors(await acquire(options));
      return driver;
    },
  };
}
