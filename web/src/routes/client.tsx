import type { RouteObject } from 'react-router';
import { ClientCandidatesPage } from '../pages/client/ClientCandidatesPage';
import { ClientDashboardPage } from '../pages/client/ClientDashboardPage';
import { ClientInterviewsPage } from '../pages/client/ClientInterviewsPage';

/**
 * The client portal (client users), inside the workspace shell under `/client`.
 */
export const clientRoutes: RouteObject[] = [
  { path: 'client/candidates', element: <ClientCandidatesPage /> },
  { path: 'client/interviews', element: <ClientInterviewsPage /> },
  { path: 'client/dashboard', element: <ClientDashboardPage /> },
];
