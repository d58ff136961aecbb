import type { RouteObject } from 'react-router';
import { ClientsPage } from '../pages/admin/ClientsPage';
import { OrganizationPage } from '../pages/admin/OrganizationPage';
import { UsersPage } from '../pages/admin/UsersPage';

/** The internal workspace (staff, hiring managers, interviewers), inside the shell. */
export const workspaceRoutes: RouteObject[] = [
  { path: 'admin/users', element: <UsersPage /> },
  { path: 'admin/clients', element: <ClientsPage /> },
  { path: 'admin/organization', element: <OrganizationPage /> },
];
