import { Alert, Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type Organization, useOrganization, useUpdateOrganization } from '../../api/admin';
import { PageTitle } from '../../components/PageTitle';
import { AdminOnly, ErrorAlert, QueryState, TimeZoneSelect } from './shared';

export function OrganizationPage() {
  const organization = useOrganization();
  return (
    <AdminOnly>
      <Stack gap="md" maw={560}>
        <PageTitle>Organization</PageTitle>
        <QueryState isPending={organization.isPending} error={organization.error} isEmpty={false} empty="">
          {organization.data && <OrganizationForm key={organization.data.id} organization={organization.data} />}
        </QueryState>
      </Stack>
    </AdminOnly>
  );
}

function OrganizationForm({ organization }: { organization: Organization }) {
  const update = useUpdateOrganization();
  const [name, setName] = useState(organization.name);
  const [zone, setZone] = useState(organization.defaultTimeZone);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ name: name.trim(), defaultTimeZone: zone });
  };

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit}>
        <Stack gap="md">
          <ErrorAlert error={update.error} />
          {update.isSuccess && (
            <Alert color="green" title="Saved" role="status">
              The organization settings are updated.
            </Alert>
          )}
          <TextInput label="Name" description="Shown to your team, clients and candidates." required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TimeZoneSelect label="Default time zone" required value={zone} onChange={setZone} />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={name.trim() === organization.name && zone === organization.defaultTimeZone}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
