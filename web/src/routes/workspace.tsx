import type { RouteObject } from 'react-router';
import { ApiKeysPage } from '../pages/admin/ApiKeysPage';
import { ClientsPage } from '../pages/admin/ClientsPage';
import { DeliveriesPage } from '../pages/admin/DeliveriesPage';
import { OrganizationPage } from '../pages/admin/OrganizationPage';
import { UsersPage } from '../pages/admin/UsersPage';
import { WebhooksPage } from '../pages/admin/WebhooksPage';
import { CalendarConnectionsPage } from '../pages/admin/calendars/CalendarConnectionsPage';
import { ImportsPage } from '../pages/admin/imports/ImportsPage';
import { DashboardsPage } from '../pages/workspace/dashboards/DashboardsPage';
import { MyCalendarPage } from '../pages/workspace/MyCalendarPage';
import { AuditPage } from '../pages/workspace/audit/AuditPage';
import { InterviewersPage } from '../pages/workspace/availability/InterviewersPage';
import { MyAvailabilityPage } from '../pages/workspace/availability/MyAvailabilityPage';
import { CalendarPage } from '../pages/workspace/CalendarPage';
import { CandidatePage } from '../pages/workspace/candidates/CandidatePage';
import { CandidatesPage } from '../pages/workspace/candidates/CandidatesPage';
import { MyInterviewsPage } from '../pages/workspace/MyInterviewsPage';
import { QueuePage } from '../pages/workspace/QueuePage';
import { RequestPage } from '../pages/workspace/request/RequestPage';
import { RequisitionPage } from '../pages/workspace/requisitions/RequisitionPage';
import { RequisitionsPage } from '../pages/workspace/requisitions/RequisitionsPage';

/** The internal workspace (staff, hiring managers, interviewers), inside the shell. */
export const workspaceRoutes: RouteObject[] = [
  { path: 'queue', element: <QueuePage /> },
  { path: 'requests/:id', element: <RequestPage /> },
  { path: 'requisitions', element: <RequisitionsPage /> },
  { path: 'requisitions/:id', element: <RequisitionPage /> },
  { path: 'candidates', element: <CandidatesPage /> },
  { path: 'candidates/:id', element: <CandidatePage /> },
  { path: 'calendar', element: <CalendarPage /> },
  { path: 'interviewers', element: <InterviewersPage /> },
  { path: 'my/availability', element: <MyAvailabilityPage /> },
  { path: 'my/interviews', element: <MyInterviewsPage /> },
  { path: 'audit', element: <AuditPage /> },
  { path: 'admin/users', element: <UsersPage /> },
  { path: 'admin/clients', element: <ClientsPage /> },
  { path: 'admin/organization', element: <OrganizationPage /> },
  { path: 'admin/api-keys', element: <ApiKeysPage /> },
  { path: 'admin/webhooks', element: <WebhooksPage /> },
  { path: 'admin/deliveries', element: <DeliveriesPage /> },
  { path: 'admin/calendars', element: <CalendarConnectionsPage /> },
  { path: 'admin/imports', element: <ImportsPage /> },
  { path: 'dashboards', element: <DashboardsPage /> },
  { path: 'my/calendar', element: <MyCalendarPage /> },
];
