import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

/**
 * State for a filtered, cursor-paged list: a debounced search box plus the
 * stack of page cursors. `reset(set)` wraps a filter setter so changing the
 * filter goes back to the first page.
 */
export function usePagedSearch() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [cursors, setCursors] = useState<string[]>([]);
  const reset = <T,>(set: (value: T) => void) => (value: T) => {
    setCursors([]);
    set(value);
  };
  return { search, setSearch: reset(setSearch), q: q || undefined, cursor: cursors.at(-1), cursors, setCursors, reset };
}
