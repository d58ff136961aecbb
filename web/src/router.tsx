import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RequireSession } from './components/RequireSession';
import { CandidateLinkPage } from './pages/CandidateLinkPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { SectionPage } from './pages/SectionPage';

/**
 * Public: `/login` and candidate links (`/s/:token`). Everything else needs a session and lives
 * in the workspace shell; sections without a page yet (including `/client/*` for client users)
 * fall through to `SectionPage`, which shows a placeholder for the role's navigation items.
 */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  { path: '/s/:token', element: <CandidateLinkPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireSession />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '*', element: <SectionPage /> },
        ],
      },
    ],
  },
]);
