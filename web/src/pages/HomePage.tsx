import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { HealthPanel } from '../components/HealthPanel';
import { PageTitle } from '../components/PageTitle';
import { useCurrentUser } from '../components/RequireSession';
import { ROLE_LABELS, navItemsFor } from '../nav';

/** Start page: a greeting, the role's sections with what each is for, and the system status. */
export function HomePage() {
  const user = useCurrentUser();
  const sections = navItemsFor(user.role);

  return (
    <Stack gap="lg" maw={960}>
      <PageTitle>{`Welcome, ${user.name}`}</PageTitle>
      <Text c="dimmed">
        {user.organization.name} · {ROLE_LABELS[user.role]}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {sections.map((section) => (
          <Card key={section.to} component="li" withBorder padding="md">
            <Anchor component={Link} to={section.to} fw={600}>
              {section.label}
            </Anchor>
            <Text size="sm" c="dimmed" mt={4}>
              {section.description}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <HealthPanel />
    </Stack>
  );
}
