import { Anchor, Text } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useAcceptInvite } from '../../api/admin';
import { AccountLayout } from './AccountLayout';
import { NewPasswordForm } from './NewPasswordForm';

/** `/invite/:token`: an invited person sets their password and lands signed in on the home page. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const accept = useAcceptInvite();
  const navigate = useNavigate();

  return (
    <AccountLayout title="Welcome to Loopwise">
      <Text mb="md">Choose a password to finish setting up your account.</Text>
      <NewPasswordForm
        submitLabel="Set password and sign in"
        pending={accept.isPending}
        error={accept.error}
        onSubmit={(password) => accept.mutate({ token, password }, { onSuccess: () => void navigate('/', { replace: true }) })}
      />
      <Text size="sm" mt="md">
        Already set a password?{' '}
        <Anchor component={Link} to="/login">
          Sign in
        </Anchor>
      </Text>
    </AccountLayout>
  );
}
