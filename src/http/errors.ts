import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../core/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const fastifyCodes: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'The request body is empty but JSON was declared.' },
};

function send(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** The one place that turns any thrown error into `{ error: { code, message, details? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message } };
      if (error.details !== undefined) body.error.details = error.details;
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (error.status === 429 && retryAfter) void reply.header('retry-after', String(retryAfter));
      return send(reply, error.status, body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'is invalid',
      }));
      const first = details[0];
      const message = first ? `Invalid input: ${first.path} ${first.message}` : 'Invalid input.';
      return send(reply, 400, { error: { code: 'invalid_input', message, details } });
    }
    const known = fastifyCodes[error.code];
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const code = known?.code ?? (status === 429 ? 'rate_limited' : 'bad_request');
      return send(reply, status, { error: { code, message: known?.message ?? error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, {
      error: { code: 'internal_error', message: `Something went wrong on our side. Reference: ${request.id}` },
    });
  });
}

export function notFoundBody(method: string, url: string): ErrorBody {
  return { error: { code: 'not_found', message: `No route for ${method} ${url.split('?')[0] ?? url}.` } };
}
