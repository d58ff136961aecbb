import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { Role } from '../api/session';
import { NAV_BY_ROLE, type NavItem, isGroup } from '../nav';

/** The role's navigation from `nav.ts`: links, and groups shown as a labelled list. */
export function MainNav({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  return (
    <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
      {NAV_BY_ROLE[role].map((entry) =>
        isGroup(entry) ? (
          <li key={entry.label}>
            <Text
              id={`nav-group-${entry.basePath.slice(1)}`}
              size="xs"
              fw={700}
              tt="uppercase"
              c="dimmed"
              mt="md"
              mb={4}
              px="sm"
            >
              {entry.label}
            </Text>
            <Stack
              component="ul"
              aria-labelledby={`nav-group-${entry.basePath.slice(1)}`}
              gap={2}
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
            >
              {entry.items.map((item) => (
                <NavItemLink key={item.to} item={item} onNavigate={onNavigate} />
              ))}
            </Stack>
          </li>
        ) : (
          <NavItemLink key={entry.to} item={entry} onNavigate={onNavigate} />
        ),
      )}
    </Stack>
  );
}

function NavItemLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
  return (
    <li>
      <NavLink
        component={Link}
        to={item.to}
        label={item.label}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
      />
    </li>
  );
}
