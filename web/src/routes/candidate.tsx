import type { RouteObject } from 'react-router';
import { lazyPage } from './lazy';
import { RouteErrorPage } from '../pages/RouteErrorPage';

/** Candidate pages: public, no shell, opened from the link in the candidate's email. */
export const candidateRoutes: RouteObject[] = [
  { path: '/s/:token', ...lazyPage(() => import('../pages/CandidateLinkPage'), 'CandidateLinkPage'), errorElement: <RouteErrorPage /> },
];
