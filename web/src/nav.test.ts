import { describe, expect, it } from 'vitest';
import { findNavGroup, findNavItem, navItemsFor } from './nav';

const paths = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.to);

describe('navigation by role (DESIGN §1)', () => {
  it('gives admins the workspace and the admin section', () => {
    expect(paths('admin')).toEqual([
      '/queue', '/requisitions', '/candidates', '/calendar', '/interviewers', '/dashboards', '/my/calendar',
      '/admin/users', '/admin/clients', '/admin/organization', '/admin/api-keys', '/admin/webhooks', '/admin/deliveries',
      '/admin/calendars', '/admin/imports', '/audit',
    ]);
  });

  it('gives recruiters and coordinators the workspace with audit and import but no other admin pages', () => {
    for (const role of ['recruiter', 'coordinator'] as const) {
      expect(paths(role)).toEqual(['/queue', '/requisitions', '/candidates', '/calendar', '/interviewers', '/dashboards', '/audit', '/admin/imports', '/my/calendar']);
    }
  });

  it('keeps hiring managers to their pipeline', () => {
    expect(paths('hiring_manager')).toEqual(['/queue', '/requisitions', '/candidates', '/calendar', '/dashboards', '/my/calendar']);
  });

  it('shows interviewers only their own interviews and availability', () => {
    expect(paths('interviewer')).toEqual(['/my/interviews', '/my/availability', '/my/calendar']);
  });

  it('keeps client users inside the client portal', () => {
    expect(paths('client_user').every((path) => path.startsWith('/client/'))).toBe(true);
    expect(findNavItem('client_user', '/candidates')).toBeUndefined();
  });

  it('finds items and groups by path for the role only', () => {
    expect(findNavItem('admin', '/admin/webhooks')?.label).toBe('Webhooks');
    expect(findNavItem('recruiter', '/admin/webhooks')).toBeUndefined();
    expect(findNavGroup('admin', '/admin')?.items[0]?.to).toBe('/admin/users');
    expect(findNavGroup('client_user', '/client')?.label).toBe('Client portal');
  });
});
