import type { RouteObject } from 'react-router';

/** The client portal (client users), inside the workspace shell under `/client`. */
export const clientRoutes: RouteObject[] = [];
