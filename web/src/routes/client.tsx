import type { RouteObject } from 'react-router';
import { ClientCandidatesPage } from '../pages/client/ClientCandidatesPage';
import { ClientInterviewsPage } from '../pages/client/ClientInterviewsPage';

/**
 * The client portal (client users), inside the workspace shell under `/client`. The dashboard
 * item stays a placeholder (`SectionPage`) until client-scoped metrics exist in the API.
 */
export const clientRoutes: RouteObject[] = [
  { path: 'client/candidates', element: <ClientCandidatesPage /> },
  { path: 'client/interviews', element: <ClientInterviewsPage /> },
];
