import { Button, Group, Text, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { dayjs } from '../pages/workspace/format';
import classes from './WeekCalendar.module.css';

export type CalendarEvent = { id: string; start: string; end: string; title: string; detail: string; href: string; tone: 'confirmed' | 'pending' | 'canceled' | 'done' };

type Props = {
  /** Monday of the week, YYYY-MM-DD, in `timeZone`. */
  weekStart: string;
  timeZone: string;
  events: CalendarEvent[];
  startHour?: number;
  endHour?: number;
  onWeekChange: (weekStart: string) => void;
};

const HOUR_PX = 56;

/**
 * A week of events in one zone: a CSS grid of days (columns) by hours (rows). Each event is a link
 * to its page. Previous/next week by the buttons, or PageUp/PageDown (and ←/→ on the grid itself).
 */
export function WeekCalendar({ weekStart, timeZone, events, startHour = 7, endHour = 20, onWeekChange }: Props) {
  const monday = dayjs.tz(weekStart, timeZone);
  const days = Array.from({ length: 7 }, (_, k) => monday.add(k, 'day'));
  const hours = Array.from({ length: endHour - startHour }, (_, k) => startHour + k);
  const today = dayjs().tz(timeZone).format('YYYY-MM-DD');
  const shift = (weeks: number) => onWeekChange(monday.add(weeks, 'week').format('YYYY-MM-DD'));
  const title = `${monday.format('MMM D')} – ${monday.add(6, 'day').format('MMM D, YYYY')}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const onGrid = event.target === event.currentTarget;
    if (event.key === 'PageUp' || (onGrid && event.key === 'ArrowLeft')) shift(-1);
    else if (event.key === 'PageDown' || (onGrid && event.key === 'ArrowRight')) shift(1);
    else return;
    event.preventDefault();
  };

  return (
    <div className={classes.wrapper}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => shift(-1)} aria-label="Previous week">
            ‹ Previous
          </Button>
          <Button variant="default" size="xs" onClick={() => onWeekChange(dayjs().tz(timeZone).startOf('day').subtract((dayjs().tz(timeZone).day() + 6) % 7, 'day').format('YYYY-MM-DD'))}>
            This week
          </Button>
          <Button variant="default" size="xs" onClick={() => shift(1)} aria-label="Next week">
            Next ›
          </Button>
        </Group>
        <Text fw={700} aria-live="polite" data-testid="calendar-title">
          {title}
        </Text>
        <Text size="xs" c="dimmed">
          Times in {timeZone}
        </Text>
      </Group>
      <div
        className={classes.grid}
        role="region"
        aria-label={`Week of ${title}, times in ${timeZone}`}
        aria-describedby="week-calendar-keys"
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{ ['--hour-px' as string]: `${HOUR_PX}px`, ['--hours' as string]: String(hours.length) }}
      >
        <div className={classes.corner} aria-hidden />
        {days.map((day) => (
          <div key={day.format('YYYY-MM-DD')} className={classes.dayHeader} data-today={day.format('YYYY-MM-DD') === today || undefined}>
            {day.format('ddd D')}
          </div>
        ))}
        <div className={classes.hours} aria-hidden>
          {hours.map((h) => (
            <div key={h} className={classes.hour}>
              {dayjs().hour(h).minute(0).format('h A')}
            </div>
          ))}
        </div>
        {days.map((day) => (
          <DayColumn key={day.format('YYYY-MM-DD')} day={day} events={events} timeZone={timeZone} startHour={startHour} endHour={endHour} />
        ))}
      </div>
      <Text size="xs" c="dimmed" mt={4} id="week-calendar-keys">
        Keyboard: PageUp / PageDown change the week; on the grid, ← and → do too. Tab moves through the interviews.
      </Text>
    </div>
  );
}

function DayColumn({ day, events, timeZone, startHour, endHour }: { day: dayjs.Dayjs; events: CalendarEvent[]; timeZone: string; startHour: number; endHour: number }) {
  const dayStart = day.hour(startHour);
  const dayEnd = day.hour(endHour);
  const mine = events
    .filter((e) => dayjs(e.start).tz(timeZone).format('YYYY-MM-DD') === day.format('YYYY-MM-DD'))
    .sort((a, b) => a.start.localeCompare(b.start));
  // Overlapping events share the column side by side.
  const lanes: string[] = [];
  const laneOf = new Map<string, number>();
  for (const e of mine) {
    const free = lanes.findIndex((end) => end <= e.start);
    const lane = free === -1 ? lanes.length : free;
    lanes[lane] = e.end;
    laneOf.set(e.id, lane);
  }
  const minutes = (iso: string) => dayjs(iso).tz(timeZone).diff(dayStart, 'minute');
  const span = dayEnd.diff(dayStart, 'minute');
  return (
    <div className={classes.day} role="list" aria-label={day.format('dddd, MMMM D')}>
      {mine.map((e) => {
        const top = Math.max(0, minutes(e.start));
        const bottom = Math.min(span, minutes(e.end));
        const lane = laneOf.get(e.id) ?? 0;
        const width = 100 / Math.max(1, lanes.length);
        return (
          <div role="listitem" key={e.id}>
            <UnstyledButton
              component={Link}
              to={e.href}
              className={classes.event}
              data-tone={e.tone}
              aria-label={`${e.title}, ${dayjs(e.start).tz(timeZone).format('ddd MMM D, h:mm A')} to ${dayjs(e.end).tz(timeZone).format('h:mm A')}, ${e.detail}`}
              style={{ top: `${(top / 60) * HOUR_PX}px`, height: `${Math.max(30, ((bottom - top) / 60) * HOUR_PX - 2)}px`, left: `${lane * width}%`, width: `calc(${width}% - 4px)` }}
            >
              <span className={classes.eventTime}>{dayjs(e.start).tz(timeZone).format('h:mm')}</span> {e.title}
              <span className={classes.eventDetail}>{e.detail}</span>
            </UnstyledButton>
          </div>
        );
      })}
    </div>
  );
}
