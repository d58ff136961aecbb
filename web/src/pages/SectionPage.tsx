import { Navigate, useLocation } from 'react-router';
import { useCurrentUser } from '../components/RequireSession';
import { findNavGroup, findNavItem } from '../nav';
import { ComingSoonPage } from './ComingSoonPage';
import { NotFoundPage } from './NotFoundPage';

/**
 * Every path in the role's navigation that has no page of its own yet. A path outside the role's
 * navigation is "not found", as the API answers 404 for what the actor may not see.
 */
export function SectionPage() {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;

  const group = findNavGroup(user.role, path);
  const firstItem = group?.items[0];
  if (firstItem) return <Navigate to={firstItem.to} replace />;

  const item = findNavItem(user.role, path);
  if (!item) return <NotFoundPage />;
  return <ComingSoonPage title={item.label} description={item.description} />;
}
