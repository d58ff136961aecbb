import type { RouteObject } from 'react-router';
import { lazyPage } from './lazy';

/** The internal workspace (staff, hiring managers, interviewers), inside the shell. */
export const workspaceRoutes: RouteObject[] = [
  { path: 'queue', ...lazyPage(() => import('../pages/workspace/QueuePage'), 'QueuePage') },
  { path: 'requests/:id', ...lazyPage(() => import('../pages/workspace/request/RequestPage'), 'RequestPage') },
  { path: 'requisitions', ...lazyPage(() => import('../pages/workspace/requisitions/RequisitionsPage'), 'RequisitionsPage') },
  { path: 'requisitions/:id', ...lazyPage(() => import('../pages/workspace/requisitions/RequisitionPage'), 'RequisitionPage') },
  { path: 'candidates', ...lazyPage(() => import('../pages/workspace/candidates/CandidatesPage'), 'CandidatesPage') },
  { path: 'candidates/:id', ...lazyPage(() => import('../pages/workspace/candidates/CandidatePage'), 'CandidatePage') },
  { path: 'calendar', ...lazyPage(() => import('../pages/workspace/CalendarPage'), 'CalendarPage') },
  { path: 'interviewers', ...lazyPage(() => import('../pages/workspace/availability/InterviewersPage'), 'InterviewersPage') },
  { path: 'my/availability', ...lazyPage(() => import('../pages/workspace/availability/MyAvailabilityPage'), 'MyAvailabilityPage') },
  { path: 'my/interviews', ...lazyPage(() => import('../pages/workspace/MyInterviewsPage'), 'MyInterviewsPage') },
  { path: 'audit', ...lazyPage(() => import('../pages/workspace/audit/AuditPage'), 'AuditPage') },
  { path: 'admin/users', ...lazyPage(() => import('../pages/admin/UsersPage'), 'UsersPage') },
  { path: 'admin/clients', ...lazyPage(() => import('../pages/admin/ClientsPage'), 'ClientsPage') },
  { path: 'admin/organization', ...lazyPage(() => import('../pages/admin/OrganizationPage'), 'OrganizationPage') },
  { path: 'admin/api-keys', ...lazyPage(() => import('../pages/admin/ApiKeysPage'), 'ApiKeysPage') },
  { path: 'admin/webhooks', ...lazyPage(() => import('../pages/admin/WebhooksPage'), 'WebhooksPage') },
  { path: 'admin/deliveries', ...lazyPage(() => import('../pages/admin/DeliveriesPage'), 'DeliveriesPage') },
  { path: 'admin/calendars', ...lazyPage(() => import('../pages/admin/calendars/CalendarConnectionsPage'), 'CalendarConnectionsPage') },
  { path: 'admin/imports', ...lazyPage(() => import('../pages/admin/imports/ImportsPage'), 'ImportsPage') },
  { path: 'dashboards', ...lazyPage(() => import('../pages/workspace/dashboards/DashboardsPage'), 'DashboardsPage') },
  { path: 'my/calendar', ...lazyPage(() => import('../pages/workspace/MyCalendarPage'), 'MyCalendarPage') },
];
