/**
 * Audit `changes` come in two shapes: `{ field: { from, to } }` for edits (see `changedFields` on
 * the server) and `{ field: value }` for facts recorded with an event. Both become rows to read.
 */
export type ChangeRow = { field: string; before?: string; after: string };

const isTransition = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'from' in value && 'to' in value && Object.keys(value).length === 2;

/** A value as a person reads it: text as is, nothing as "—", lists joined, objects as compact JSON. */
export function readable(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return value.map(readable).join(', ') || '—';
  return JSON.stringify(value);
}

export function changeRows(changes: Record<string, unknown> | null): ChangeRow[] {
  if (!changes) return [];
  return Object.entries(changes).map(([field, value]) =>
    isTransition(value) ? { field, before: readable(value.from), after: readable(value.to) } : { field, after: readable(value) },
  );
}

/** `api_key.created` → "API key created", `eventTypes` → "Event types", `url` → "URL". */
export function label(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ').toLowerCase();
  const text = words.replace(/\b(api|ip|id|url)\b/g, (word) => word.toUpperCase());
  return text.charAt(0).toUpperCase() + text.slice(1);
}
