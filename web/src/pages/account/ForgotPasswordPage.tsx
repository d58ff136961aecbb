import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../../api/admin';
import { AccountLayout } from './AccountLayout';

/** `/forgot-password`: asks for a reset email. The answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate(email.trim());
  };

  return (
    <AccountLayout title="Reset your password">
      {request.isSuccess ? (
        <Alert color="green" title="Check your email" role="status">
          If {email.trim()} has a Loopwise account, we sent it a link to choose a new password. The link works for one hour.
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="md">
            <Text>Enter the email you sign in with and we will send you a link to choose a new password.</Text>
            {request.isError && (
              <Alert color="red" title="Could not send the email" role="alert">
                {request.error.message}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              autoFocus
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <Button type="submit" fullWidth loading={request.isPending}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
      <Text size="sm" mt="md">
        <Anchor component={Link} to="/login">
          Back to sign in
        </Anchor>
      </Text>
    </AccountLayout>
  );
}
