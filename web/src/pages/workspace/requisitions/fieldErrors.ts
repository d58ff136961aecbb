import { ApiError } from '../../../api/client';

/**
 * The API's 400 `details[]` as a map from the form's field paths (`sessions.0.durationMinutes`)
 * to messages: `body.rules.` and `body.` are dropped so a field asks for its own path.
 */
export function fieldErrors(error: Error | null): Map<string, string> {
  const map = new Map<string, string>();
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return map;
  for (const detail of error.details as { path?: unknown; message?: unknown }[]) {
    if (typeof detail.path !== 'string' || typeof detail.message !== 'string') continue;
    const path = detail.path.replace(/^body\.(rules\.)?/, '');
    if (!map.has(path)) map.set(path, detail.message);
  }
  return map;
}

/** The first message at this path or below it (a list's own error shows on the list). */
export function errorAt(errors: Map<string, string>, path: string): string | undefined {
  return errors.get(path);
}
