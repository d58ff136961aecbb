import { Badge } from '@mantine/core';

export type Tone = 'waiting' | 'good' | 'neutral' | 'info' | 'bad';

// Dark text on a light tint: Mantine's light badge text (shade 6) is below 4.5:1 on the tint.
const TINT: Record<Tone, string> = { waiting: 'yellow', good: 'green', neutral: 'gray', info: 'indigo', bad: 'red' };

export function StatusBadge({ tone, children }: { tone: Tone; children: string }) {
  return (
    <Badge variant="light" color={TINT[tone]} c="dark.8" style={{ flexShrink: 0 }}>
      {children}
    </Badge>
  );
}
