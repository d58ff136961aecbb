import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { FullPageLoader } from './components/FullPageLoader';
import { RequireSession } from './components/RequireSession';
import { AcceptInvitePage } from './pages/account/AcceptInvitePage';
import { ForgotPasswordPage } from './pages/account/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/account/ResetPasswordPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { SectionPage } from './pages/SectionPage';
import { candidateRoutes } from './routes/candidate';
import { clientRoutes } from './routes/client';
import { workspaceRoutes } from './routes/workspace';

/**
 * Public: `/login`, candidate links (`/s/:token`) and the emailed account links (`/invite/:token`,
 * `/reset-password/:token`) with `/forgot-password`. Everything else needs a session and lives
 * in the workspace shell; sections without a page yet (including `/client/*` for client users)
 * fall through to `SectionPage`, which shows a placeholder for the role's navigation items.
 * Pages load on first visit (`routes/lazy.ts`); the root shows a loader until the first one is in.
 */
export const router = createBrowserRouter([
  {
    hydrateFallbackElement: <FullPageLoader label="Loading Loopwise" />,
    children: [
      { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
      ...candidateRoutes,
      { path: '/invite/:token', element: <AcceptInvitePage />, errorElement: <RouteErrorPage /> },
      { path: '/reset-password/:token', element: <ResetPasswordPage />, errorElement: <RouteErrorPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage />, errorElement: <RouteErrorPage /> },
      {
        element: <RequireSession />,
        errorElement: <RouteErrorPage />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              ...workspaceRoutes,
              ...clientRoutes,
              { path: '*', element: <SectionPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
