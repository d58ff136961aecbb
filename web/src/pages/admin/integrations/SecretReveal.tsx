import { Alert, Button, CopyButton, Group, Stack, TextInput } from '@mantine/core';

/**
 * A secret the server shows only once (an API key, a webhook signing secret): selectable, copyable,
 * and plainly marked as unrecoverable. The caller drops it from memory when the dialog closes.
 */
export function SecretReveal({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" title="Copy it now: you won’t see it again" role="status">
        Store it somewhere safe, such as your secrets manager. Loopwise keeps only a hash, so if it is lost you will need a new one.
      </Alert>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput label={label} value={secret} readOnly flex={1} ff="monospace" onFocus={(e) => e.currentTarget.select()} data-testid="secret" />
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'default'} color={copied ? 'green' : undefined} onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end">
        <Button onClick={onDone}>I have stored it</Button>
      </Group>
    </Stack>
  );
}
