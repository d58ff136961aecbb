import { describe, expect, it } from 'vitest';
import { changeRows, label } from './changes';

describe('audit changes as rows', () => {
  it('shows edits as before → after and facts as values', () => {
    expect(changeRows({ name: { from: 'Ada', to: 'Ada L.' }, time_zone: { from: null, to: 'Europe/Paris' }, demo: true, tags: ['go', 'sql'] })).toEqual([
      { field: 'name', before: 'Ada', after: 'Ada L.' },
      { field: 'time_zone', before: '—', after: 'Europe/Paris' },
      { field: 'demo', after: 'true' },
      { field: 'tags', after: 'go, sql' },
    ]);
  });

  it('keeps nested values readable as compact JSON', () => {
    expect(changeRows({ rules: { from: { notice: 24 }, to: { notice: 48 } } })).toEqual([{ field: 'rules', before: '{"notice":24}', after: '{"notice":48}' }]);
    expect(changeRows(null)).toEqual([]);
  });
});

describe('audit labels', () => {
  it('reads codes as words, keeping acronyms', () => {
    expect(label('api_key.created')).toBe('API key created');
    expect(label('scheduling_request')).toBe('Scheduling request');
    expect(label('note_id')).toBe('Note ID');
    expect(label('eventTypes')).toBe('Event types');
    expect(label('url')).toBe('URL');
  });
});
