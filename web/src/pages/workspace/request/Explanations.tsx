import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Explanation } from '../../../api/workspace/types';
import { hintFor } from './hints';

/** Why nothing (or too little) fits, each with what to relax, and a way to the stage's rules. */
export function Explanations({ explanations, stageLink, title }: { explanations: Explanation[]; stageLink: string | null; title: string }) {
  if (explanations.length === 0) return null;
  return (
    <Alert color="yellow" title={title} data-testid="explanations">
      <Stack gap="xs">
        <List spacing="xs" size="sm">
          {explanations.map((e, k) => (
            <List.Item key={`${e.code}-${k}`}>
              <Text size="sm">{e.message}</Text>
              {hintFor(e.code) && (
                <Text size="sm" fw={600}>
                  Try: {hintFor(e.code)}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
        {stageLink && (
          <Anchor component={Link} to={stageLink} size="sm">
            Edit the stage’s rules
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
