import { Alert, type AlertProps } from '@mantine/core';

// Mantine's light alert titles (shade 6 on a tint of it) fall below 4.5:1 for green and yellow:
// the title uses the text color; the tint and the bar carry the tone.
const styles = { title: { color: 'var(--mantine-color-text)' } };

/** An alert with readable text in every tone. */
export function Notice(props: AlertProps & { role?: string }) {
  return <Alert styles={styles} {...props} />;
}
