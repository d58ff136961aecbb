import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * The page's `<h1>` and document title. After an in-app navigation the heading takes focus, so
 * screen-reader users hear that the page changed; on first load focus stays where the browser put it.
 */
export function PageTitle({ children }: { children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    if (key !== 'default') heading.current?.focus();
  }, [key]);

  return (
    <>
      <title>{`${children} · Loopwise`}</title>
      <Title order={1} size="h2" ref={heading} tabIndex={-1}>
        {children}
      </Title>
    </>
  );
}
