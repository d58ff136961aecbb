import { Anchor, AppShell, Badge, Burger, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet } from 'react-router';
import { useLogout } from '../api/session';
import { ROLE_LABELS } from '../nav';
import { MainNav } from './MainNav';
import { useCurrentUser } from './RequireSession';

/** The signed-in workspace: header with the user, role navigation, and the page. */
export function AppLayout() {
  const user = useCurrentUser();
  const [navOpened, nav] = useDisclosure(false);
  const logout = useLogout();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Navigation"
              aria-expanded={navOpened}
              aria-controls="main-nav"
            />
            <Anchor component={Link} to="/" underline="never" fw={700} fz="lg" c="indigo.8">
              Loopwise
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="xs" truncate maw={240}>
              {user.name}
              <Text span size="sm" c="dimmed">
                {' · '}
                {user.organization.name}
              </Text>
            </Text>
            <Badge variant="light" visibleFrom="xs">
              {ROLE_LABELS[user.role]}
            </Badge>
            <Button variant="default" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="main-nav" aria-label="Main" p="sm">
        <MainNav role={user.role} onNavigate={nav.close} />
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        {logout.isError && <Text c="red.9" role="alert" mb="md">{logout.error.message}</Text>}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
