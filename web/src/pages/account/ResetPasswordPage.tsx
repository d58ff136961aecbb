import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useConfirmPasswordReset } from '../../api/admin';
import { AccountLayout } from './AccountLayout';
import { NewPasswordForm } from './NewPasswordForm';

/** `/reset-password/:token`: sets a new password from the emailed link, then asks to sign in. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const reset = useConfirmPasswordReset();

  if (reset.isSuccess) {
    return (
      <AccountLayout title="Password changed">
        <Stack gap="md">
          <Alert color="green" title="Your new password is set" role="status">
            For your safety every session of your account was signed out.
          </Alert>
          <Button component={Link} to="/login" fullWidth>
            Sign in
          </Button>
        </Stack>
      </AccountLayout>
    );
  }

  return (
    <AccountLayout title="Choose a new password">
      <NewPasswordForm
        submitLabel="Change password"
        pending={reset.isPending}
        error={reset.error}
        onSubmit={(password) => reset.mutate({ token, password })}
      />
      <Text size="sm" mt="md">
        Link expired?{' '}
        <Anchor component={Link} to="/forgot-password">
          Request a new one
        </Anchor>
      </Text>
    </AccountLayout>
  );
}
