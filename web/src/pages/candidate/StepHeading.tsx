import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';

/**
 * The heading of a step (choose, confirm, booked…). When the step changes because of something
 * the candidate did, focus moves to it, so screen readers announce where they are now.
 */
export function StepHeading({ children, focus = false, order = 2, id }: { children: string; focus?: boolean; order?: 1 | 2; id?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <Title id={id} order={order} size={order === 1 ? 'h2' : 'h3'} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
