import { Button, Checkbox, Group, Loader, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type WebhookEndpoint, useCreateWebhook, useUpdateWebhook, useWebhookEventTypes } from '../../../api/admin-integrations';
import { ErrorAlert } from '../shared';
import { SecretReveal } from './SecretReveal';

/** Registers an endpoint (then shows its signing secret once) or edits one. */
export function WebhookFormModal({ endpoint, opened, onClose }: { endpoint: WebhookEndpoint | null; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={endpoint ? 'Edit webhook endpoint' : 'Add a webhook endpoint'} centered size="lg">
      {opened && <WebhookForm key={endpoint?.id ?? 'new'} endpoint={endpoint} onClose={onClose} />}
    </Modal>
  );
}

function WebhookForm({ endpoint, onClose }: { endpoint: WebhookEndpoint | null; onClose: () => void }) {
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const eventTypeList = useWebhookEventTypes();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [eventTypes, setEventTypes] = useState<string[]>(endpoint?.eventTypes ?? []);
  const [active, setActive] = useState(endpoint?.active ?? true);
  const error = create.error ?? update.error ?? eventTypeList.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { url: url.trim(), description: description.trim() || null, eventTypes, active };
    if (endpoint) update.mutate({ id: endpoint.id, changes: fields }, { onSuccess: onClose });
    else create.mutate(fields);
  };

  if (create.data) return <SecretReveal label="Signing secret" secret={create.data.secret} onDone={onClose} />;

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput label="URL" description="Where Loopwise POSTs signed JSON events. Use https." placeholder="https://ats.example.com/hooks/loopwise" type="url" required value={url} onChange={(e) => setUrl(e.currentTarget.value)} data-autofocus />
        <Textarea label="Description" placeholder="What receives these events" maxLength={500} autosize minRows={1} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Checkbox.Group label="Events" description="Send only these events to the endpoint." value={eventTypes} onChange={setEventTypes} required>
          <Stack gap="xs" mt="xs">
            {eventTypeList.isPending && <Loader size="sm" aria-label="Loading event types" />}
            {(eventTypeList.data?.items ?? []).map(({ type, description: about }) => (
              <Checkbox key={type} value={type} label={type} description={about} />
            ))}
          </Stack>
        </Checkbox.Group>
        {endpoint && <Switch label="Active" description="Inactive endpoints receive nothing until turned on again." checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={create.isPending || update.isPending} disabled={url.trim() === '' || eventTypes.length === 0}>
            {endpoint ? 'Save endpoint' : 'Add endpoint'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
