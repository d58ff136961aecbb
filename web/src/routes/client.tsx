import type { RouteObject } from 'react-router';
import { lazyPage } from './lazy';

/**
 * The client portal (client users), inside the workspace shell under `/client`.
 */
export const clientRoutes: RouteObject[] = [
  { path: 'client/candidates', ...lazyPage(() => import('../pages/client/ClientCandidatesPage'), 'ClientCandidatesPage') },
  { path: 'client/interviews', ...lazyPage(() => import('../pages/client/ClientInterviewsPage'), 'ClientInterviewsPage') },
  { path: 'client/dashboard', ...lazyPage(() => import('../pages/client/ClientDashboardPage'), 'ClientDashboardPage') },
];
