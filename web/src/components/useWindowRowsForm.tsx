import { useId, useState } from 'react';
import { Notice } from '../pages/candidate/Notice';
import { type RowErrors, rowsToWindows, validateRows, type WindowRow, WindowRowsEditor } from '../pages/candidate/WindowRows';

type Options = {
  zone: string;
  /** The first row shown. */
  initial: () => WindowRow;
  /** Most rows the editor lets someone add. */
  max: number;
  /** Text of the error summary, given how many rows are invalid. */
  summary: (invalidCount: number) => string;
};

/**
 * Window rows with per-row validation and an error summary. Render `fields`
 * inside the form; call `check()` on submit: it shows the errors and focuses the
 * first invalid field (returning null), or returns the windows to send.
 */
export function useWindowRowsForm({ zone, initial, max, summary: summaryFor }: Options) {
  const [rows, setRows] = useState<WindowRow[]>(() => [initial()]);
  const [errors, setErrors] = useState<Record<number, RowErrors>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const idPrefix = useId();

  const check = () => {
    const checked = validateRows(rows, zone, idPrefix);
    setErrors(checked.errors);
    if (checked.firstInvalidId) {
      setSummary(summaryFor(checked.invalidCount));
      document.getElementById(checked.firstInvalidId)?.focus();
      return null;
    }
    setSummary(null);
    return rowsToWindows(rows, zone);
  };

  const fields = (
    <>
      {summary && (
        <Notice color="red" title="Some windows need a fix" role="alert">
          {summary}
        </Notice>
      )}
      <WindowRowsEditor
        rows={rows}
        errors={errors}
        zone={zone}
        idPrefix={idPrefix}
        max={max}
        onChange={(next, changed) => {
          setRows(next);
          if (changed !== undefined) setErrors((current) => ({ ...current, [changed]: {} }));
        }}
      />
    </>
  );

  return { idPrefix, check, fields };
}
