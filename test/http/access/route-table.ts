import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  route: string;
}

/**
 * Every route the app registered, read from `app.printRoutes()`: each tree line is one node,
 * indented four characters per level, whose full path is its ancestors' segments plus its own,
 * with the methods in parentheses. HEAD routes that Fastify adds for GETs are left out.
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const stack: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ├└─]*?)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2] ?? '');
    const methods = (match[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean);
    for (const method of methods) {
      if (method === 'HEAD' && methods.includes('GET')) continue;
      routes.push({ method, route: stack.join('') });
    }
  }
  return routes;
}
