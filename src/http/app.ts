import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connection.js';
import { registerErrorHandling } from './errors.js';
import { registerAuth } from './auth.js';
import { accountTokensRoutes } from './routes/account-tokens.js';
import { apiKeysRoutes } from './routes/api-keys.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { clientsRoutes } from './routes/clients.js';
import { devMailRoutes } from './routes/dev-mail.js';
import { organizationRoutes } from './routes/organization.js';
import { usersRoutes } from './routes/users.js';
import { healthRoutes } from './routes/health.js';
import { requisitionsRoutes } from './routes/requisitions.js';
import { candidatesRoutes } from './routes/candidates.js';
import { applicationsRoutes } from './routes/applications.js';
import { poolsRoutes } from './routes/pools.js';
import { interviewerProfilesRoutes } from './routes/interviewer-profiles.js';
import { schedulingRequestsRoutes } from './routes/scheduling-requests.js';
import { interviewsRoutes } from './routes/interviews.js';
import { publicLinksRoutes } from './routes/public-links.js';
import { deliveriesRoutes } from './routes/deliveries.js';
import { webhooksRoutes } from './routes/webhooks.js';
import { metricsRoutes } from './routes/metrics.js';
import { calendarConnectionsRoutes } from './routes/calendar-connections.js';
import { importsRoutes } from './routes/imports.js';
import { registerWebApp } from './static.js';

/** What every route and service needs from the outside world, passed in rather than imported. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export interface BuildOptions {
  logger?: FastifyBaseLogger;
  /** Folder of the built web app; defaults to `dist/web`. */
  webDir?: string;
}


export const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
};

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP application; listening and shutdown belong to the caller. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: 512 * 1024,
    trustProxy: deps.config.trustProxy,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const https = deps.config.publicUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: { ...contentSecurityPolicy, directives: { ...contentSecurityPolicy.directives, upgradeInsecureRequests: https ? [] : null } },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  registerErrorHandling(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Loopwise API', version: deps.config.version, description: 'Interview scheduling for staffing agencies and HR teams.' },
      servers: [{ url: deps.config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lw_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await registerAuth(app);
  await app.register(healthRoutes);
  await app.register(apiRoutes, { prefix: '/api/v1' });
  if (deps.config.env !== 'production') await app.register(devMailRoutes);
  await registerWebApp(app, options.webDir ?? defaultWebDir());
  return app;
}

/** Every `/api/v1` resource; the access-matrix test walks the routes registered here. */
async function apiRoutes(api: FastifyInstance): Promise<void> {
  await api.register(authRoutes);
  await api.register(accountTokensRoutes);
  await api.register(organizationRoutes);
  await api.register(usersRoutes);
  await api.register(clientsRoutes);
  await api.register(apiKeysRoutes);
  await api.register(auditRoutes);
  await api.register(requisitionsRoutes);
  await api.register(candidatesRoutes);
  await api.register(applicationsRoutes);
  await api.register(poolsRoutes);
  await api.register(interviewerProfilesRoutes);
  await api.register(schedulingRequestsRoutes);
  await api.register(interviewsRoutes);
  await api.register(publicLinksRoutes);
  await api.register(deliveriesRoutes);
  await api.register(webhooksRoutes);
  await api.register(metricsRoutes);
  await api.register(calendarConnectionsRoutes);
  await api.register(importsRoutes);
}

/** `dist/web`, seen from compiled code (dist/src/http) or from the sources (src/http). */
function defaultWebDir(): string {
  const root = import.meta.url.includes('/dist/src/') ? '../../../' : '../../';
  return fileURLToPath(new URL(`${root}dist/web`, import.meta.url));
}
