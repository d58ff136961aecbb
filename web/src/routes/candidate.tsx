import type { RouteObject } from 'react-router';
import { CandidateLinkPage } from '../pages/CandidateLinkPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';

/** Candidate pages: public, no shell, opened from the link in the candidate's email. */
export const candidateRoutes: RouteObject[] = [
  { path: '/s/:token', element: <CandidateLinkPage />, errorElement: <RouteErrorPage /> },
];
