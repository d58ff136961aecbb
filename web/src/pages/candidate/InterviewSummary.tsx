import { Box, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CandidateSession } from '../../api/public-links';
import { listNames } from './OptionPicker';
import { formatTimeRange, formatWhen, zoneLongName } from './time';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="sm" c="dimmed" fw={600}>
        {term}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </Box>
  );
}

/** When, with whom, and where: for a time being confirmed or an interview already booked. */
export function InterviewSummary({
  start,
  end,
  zone,
  sessions,
  location,
}: {
  start: string;
  end: string;
  zone: string;
  sessions: CandidateSession[];
  location?: string | null;
}) {
  const several = sessions.length > 1;
  return (
    <Stack component="dl" gap="sm" m={0} data-testid="interview-summary">
      <Row term="When">
        {formatWhen(start, end, zone)}
        <Text span display="block" size="sm" c="dimmed">
          {zoneLongName(zone, new Date(start))}
        </Text>
      </Row>
      <Row term={several ? 'Sessions' : 'You meet'}>
        {several ? (
          <Stack component="span" gap={4}>
            {sessions.map((session) => (
              <Text span display="block" key={`${session.name}-${session.start}`}>
                {formatTimeRange(session.start, session.end, zone)}: {session.name} with {listNames(session.with)}
              </Text>
            ))}
          </Stack>
        ) : (
          `${listNames(sessions.flatMap((s) => s.with))}${sessions[0] ? ` (${sessions[0].name})` : ''}`
        )}
      </Row>
      {location !== undefined && <Row term="Where / how">{location ?? 'Your recruiter will send the details.'}</Row>}
    </Stack>
  );
}
