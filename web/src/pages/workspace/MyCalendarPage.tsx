import { Alert, Button, Card, CopyButton, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCalendarFeed, useConnectCalendar, useCreateFeed, useDisconnectCalendar, useMyConnections, useRevokeFeed, useSyncCalendar, type CalendarConnection } from '../../api/calendars';
import { PageTitle } from '../../components/PageTitle';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

/** "My calendar": connect a CalDAV calendar (busy times are avoided, interviews written into it) and the private ICS feed. */
export function MyCalendarPage() {
  const connections = useMyConnections();
  return (
    <Stack gap="lg" maw={800}>
      <PageTitle>My calendar</PageTitle>
      <Text c="dimmed" size="sm">
        Loopwise reads when you are busy from your connected calendar (every 15 minutes, 60 days ahead) so nobody books you then, and writes your interviews into it.
      </Text>
      {connections.error && <Alert color="red" title="Could not load your calendars">{connections.error.message}</Alert>}
      {(connections.data?.items ?? []).map((connection) => (
        <ConnectionCard key={connection.id} connection={connection} />
      ))}
      {connections.data && connections.data.items.length === 0 && <ConnectForm />}
      <FeedCard />
    </Stack>
  );
}

function ConnectionCard({ connection }: { connection: CalendarConnection }) {
  const sync = useSyncCalendar();
  const disconnect = useDisconnectCalendar();
  return (
    <Card withBorder component="section" aria-labelledby={`connection-${connection.id}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id={`connection-${connection.id}`}>
            {connection.calendarName ?? 'Calendar'} ({connection.username})
          </Title>
          <Text fw={700} size="sm">
            {connection.status === 'error' ? 'Sync failing' : connection.stale ? 'Stale' : 'Connected'}
          </Text>
        </Group>
        <Text size="sm">Server: {connection.serverUrl}</Text>
        <Text size="sm">Last successful sync: {when(connection.lastSyncedAt)}</Text>
        {connection.lastError && (
          <Alert color="red" title="Last sync failed">
            {connection.lastError}
          </Alert>
        )}
        <Group>
          <Button variant="default" loading={sync.isPending} onClick={() => sync.mutate(connection.id)}>
            Sync now
          </Button>
          <Button
            color="red"
            variant="light"
            loading={disconnect.isPending}
            onClick={() => {
              if (window.confirm('Disconnect this calendar? Its busy times and password are deleted.')) disconnect.mutate(connection.id);
            }}
          >
            Disconnect
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ConnectForm() {
  const connect = useConnectCalendar();
  const [serverUrl, setServerUrl] = useState('');
  const [calendarUrl, setCalendarUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    connect.mutate({ serverUrl, calendarUrl: calendarUrl || null, username, password }, { onSuccess: () => setPassword('') });
  };
  return (
    <Card withBorder component="section" aria-labelledby="connect-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="connect-title">
            Connect a CalDAV calendar
          </Title>
          <Text size="sm" c="dimmed">
            Works with Nextcloud, Fastmail, iCloud (app password), Radicale and other CalDAV servers. Your password is stored encrypted.
          </Text>
          <TextInput label="Server URL" required placeholder="https://dav.example.com/" value={serverUrl} onChange={(e) => setServerUrl(e.currentTarget.value)} />
          <TextInput label="Calendar URL (optional)" description="Leave empty to use your first calendar" value={calendarUrl} onChange={(e) => setCalendarUrl(e.currentTarget.value)} />
          <TextInput label="Username" required autoComplete="username" value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
          <PasswordInput label="Password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          {connect.error && (
            <Alert color="red" title="Could not connect" role="alert">
              {connect.error.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={connect.isPending}>
              Connect calendar
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function FeedCard() {
  const feed = useCalendarFeed();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [url, setUrl] = useState<string | null>(null);
  const active = feed.data?.active ?? false;
  return (
    <Card withBorder component="section" aria-labelledby="feed-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="feed-title">
          Private calendar feed (ICS)
        </Title>
        <Text size="sm" c="dimmed">
          Subscribe to your upcoming interviews from any calendar app. Anyone with the URL can read it: keep it private, and replace it if it leaks.
        </Text>
        <Text size="sm">{active ? `Feed is on since ${when(feed.data?.createdAt ?? null)}; last read ${when(feed.data?.lastUsedAt ?? null)}.` : 'Feed is off.'}</Text>
        {url && (
          <Stack gap="xs">
            <Alert color="blue" title="Copy it now: you won’t see it again" role="status">
              Loopwise keeps only a hash of this address.
            </Alert>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput label="Feed URL" value={url} readOnly flex={1} ff="monospace" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'default'} onClick={copy} aria-label="Copy feed URL">
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        )}
        <Group>
          <Button variant="default" loading={create.isPending} onClick={() => create.mutate(undefined, { onSuccess: (result) => setUrl(result.url) })}>
            {active ? 'Replace feed URL' : 'Create feed URL'}
          </Button>
          {active && (
            <Button color="red" variant="light" loading={revoke.isPending} onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}>
              Turn feed off
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
