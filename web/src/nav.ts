import type { Role } from './api/session';

/**
 * What each role finds in the navigation (DESIGN §1), as data. The server decides what each role
 * may read; this only decides what the navigation offers, and which placeholder pages exist.
 * Home (`/`) is reached from the product name in the header and lists the same entries.
 */

export type NavItem = { label: string; to: string; description: string };
export type NavGroup = { label: string; basePath: string; items: NavItem[] };
export type NavEntry = NavItem | NavGroup;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  recruiter: 'Recruiter',
  coordinator: 'Coordinator',
  hiring_manager: 'Hiring manager',
  interviewer: 'Interviewer',
  client_user: 'Client',
};

const item = (label: string, to: string, description: string): NavItem => ({ label, to, description });

const queue = item('My queue', '/queue', 'Scheduling requests waiting on you, oldest first.');
const requisitions = item('Requisitions', '/requisitions', 'Open roles, their stages and scheduling rules.');
const candidates = item('Candidates', '/candidates', 'Candidates, their applications and interviews.');
const calendar = item('Calendar', '/calendar', 'Booked interviews across people and rooms.');
const interviewers = item('Interviewers & pools', '/interviewers', 'Interviewers, their load, tags and pools.');
const dashboards = item('Dashboards', '/dashboards', 'Time to schedule, reschedules, no-shows and aging.');
const myCalendar = item('My calendar', '/my/calendar', 'Connect your calendar so Loopwise sees when you are busy.');
const audit = item('Audit', '/audit', 'The tamper-evident record of who did what.');
const imports = item('Import', '/admin/imports', 'Import candidates, requisitions and applications from a CSV file.');

const adminGroup: NavGroup = {
  label: 'Admin',
  basePath: '/admin',
  items: [
    item('Users', '/admin/users', 'People in your organization and their roles.'),
    item('Clients', '/admin/clients', 'Client companies and their portal users.'),
    item('Organization', '/admin/organization', 'Organization name and default time zone.'),
    item('API keys', '/admin/api-keys', 'Keys for your ATS and other integrations.'),
    item('Webhooks', '/admin/webhooks', 'Signed event deliveries to your systems.'),
    item('Failed deliveries', '/admin/deliveries', 'Emails and webhooks that could not be delivered, to retry.'),
    item('Calendar connections', '/admin/calendars', 'Connected calendars and their sync state.'),
    imports,
    audit,
  ],
};

const clientGroup: NavGroup = {
  label: 'Client portal',
  basePath: '/client',
  items: [
    item('Candidates', '/client/candidates', 'Candidates submitted to you.'),
    item('Interviews', '/client/interviews', 'Interviews to approve, decline or propose times for.'),
    item('Dashboard', '/client/dashboard', 'Scheduling metrics for your requisitions.'),
  ],
};

const staff = [queue, requisitions, candidates, calendar];

export const NAV_BY_ROLE: Record<Role, NavEntry[]> = {
  admin: [...staff, interviewers, dashboards, myCalendar, adminGroup],
  recruiter: [...staff, interviewers, dashboards, audit, imports, myCalendar],
  coordinator: [...staff, interviewers, dashboards, audit, imports, myCalendar],
  hiring_manager: [...staff, dashboards, myCalendar],
  interviewer: [
    item('My interviews', '/my/interviews', 'Your upcoming interviews and their briefs.'),
    item('My availability', '/my/availability', 'Working hours, limits and time off.'),
    myCalendar,
  ],
  client_user: [clientGroup],
};

export function isGroup(entry: NavEntry): entry is NavGroup {
  return 'items' in entry;
}

/** Every page the role's navigation links to, groups flattened, in navigation order. */
export function navItemsFor(role: Role): NavItem[] {
  return NAV_BY_ROLE[role].flatMap((entry) => (isGroup(entry) ? entry.items : [entry]));
}

/** The navigation item at `path` for this role, if the role has one. */
export function findNavItem(role: Role, path: string): NavItem | undefined {
  return navItemsFor(role).find((candidate) => candidate.to === path);
}

/** The group whose base path is `path` (e.g. `/admin`), so it can open its first item. */
export function findNavGroup(role: Role, path: string): NavGroup | undefined {
  return NAV_BY_ROLE[role].filter(isGroup).find((group) => group.basePath === path);
}
