import { type ChangeEvent, useRef, useState } from 'react';

/**
 * A required free-text reason. Spread `fieldProps` on a Mantine `Textarea`
 * (with its own label); on submit, `check()` returns the trimmed reason, or
 * shows `message` as the field's error, focuses the field and returns null.
 */
export function useRequiredReason(message: string) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);

  const check = () => {
    const trimmed = reason.trim();
    if (trimmed) return trimmed;
    setInvalid(true);
    ref.current?.focus();
    return null;
  };

  const fieldProps = {
    ref,
    required: true,
    value: reason,
    onChange: (e: ChangeEvent<HTMLTextAreaElement>) => {
      setReason(e.currentTarget.value);
      setInvalid(false);
    },
    error: invalid ? message : null,
    errorProps: { role: 'alert' },
    maxLength: 500,
    autosize: true,
    minRows: 3,
  };

  return { check, fieldProps };
}
