import { describe, expect, it } from 'vitest';
import { buildIcs } from './ics';

describe('the candidate’s calendar file', () => {
  const ics = buildIcs(
    {
      uid: 'abc@loopwise',
      start: '2026-11-26T15:00:00+01:00',
      end: '2026-11-26T15:30:00+01:00',
      summary: 'Recruiter screen: Data Analyst (Acme, Inc.)',
      description: `Phone screen with Riley Recruiter\n\n${'A long line that goes on. '.repeat(6)}`,
      location: 'Phone call; the recruiter calls you',
    },
    new Date('2026-11-25T12:00:00Z'),
  );

  it('has one event in UTC with escaped text', () => {
    expect(ics).toContain('DTSTART:20261126T140000Z\r\n');
    expect(ics).toContain('DTEND:20261126T143000Z\r\n');
    expect(ics).toContain('DTSTAMP:20261125T120000Z\r\n');
    expect(ics).toContain('SUMMARY:Recruiter screen: Data Analyst (Acme\\, Inc.)\r\n');
    expect(ics).toContain('LOCATION:Phone call\\; the recruiter calls you\r\n');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('folds long lines at 75 octets and ends every line with CRLF', () => {
    const lines = ics.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });
});
