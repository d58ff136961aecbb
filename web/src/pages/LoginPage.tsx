import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin, useSession } from '../api/session';
import { HealthPanel } from '../components/HealthPanel';

/** Where to go after signing in: the page that sent the user here, if it is one of ours. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorRef = useRef<HTMLDivElement>(null);

  // Move focus to the error so it is read out and the form can be fixed from there.
  useEffect(() => {
    if (login.isError) errorRef.current?.focus();
  }, [login.isError, login.error]);

  if (session.data) return <Navigate to={returnPath(location.state)} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate(returnPath(location.state), { replace: true }) },
    );
  };

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <title>Sign in · Loopwise</title>
      <Stack w="100%" maw={400} gap="md">
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Text fw={700} fz="lg" c="indigo.8">
            Loopwise
          </Text>
          <Title order={1} size="h2" mt="xs" mb="lg">
            Sign in
          </Title>
          <form onSubmit={submit}>
            <Stack gap="md">
              {login.isError && (
                <Alert ref={errorRef} tabIndex={-1} color="red" title="Could not sign in">
                  {login.error.message}
                </Alert>
              )}
              <TextInput
                label="Email"
                name="email"
                type="email"
                autoComplete="username"
                autoFocus
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <PasswordInput
                label="Password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" fullWidth loading={login.isPending}>
                Sign in
              </Button>
              <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
                Forgot password?
              </Anchor>
            </Stack>
          </form>
        </Paper>
        <HealthPanel />
      </Stack>
    </Center>
  );
}
