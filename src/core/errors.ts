/**
 * The one error hierarchy of Loopwise. Services and the core throw these; the HTTP layer maps
 * each to its status and the `{ error: { code, message, details? } }` body in one handler.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that does not have the right shape (400). */
export class Invalid extends DomainError {
  readonly status = 400;
  readonly code = 'invalid_input';
}

/** No credentials, or credentials that are not valid (401). */
export class Unauthenticated extends DomainError {
  readonly status = 401;
  readonly code = 'unauthenticated';
}

/** The record is visible to the actor but the action is not allowed (403). */
export class Forbidden extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
}

/** The record does not exist, or the actor may not know that it exists (404). */
export class NotFound extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
}

/** The change collides with the current state: a double booking, a duplicate (409). */
export class Conflict extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
}

/** Well-formed input that a business rule refuses: notice, horizon, reschedule policy (422). */
export class RuleViolation extends DomainError {
  readonly status = 422;
  readonly code = 'rule_violation';
}

/** Too many attempts in a window (429). */
export class TooManyRequests extends DomainError {
  readonly status = 429;
  readonly code = 'rate_limited';
}
