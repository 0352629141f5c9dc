import { useId } from 'react';
import { isValidIsoDate } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';

/**
 * A native date picker (the browser shows CE in most locales) with the chosen date read back in
 * Buddhist era and Thai month names next to it. Empty means null.
 */
export function DateInput({
  id,
  value,
  onChange,
  onBlur,
  invalid,
  describedBy,
  disabled,
  min,
  max,
}: {
  id: string;
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  min?: string;
  max?: string;
}) {
  const { formatDay } = useI18n();
  const previewId = useId();
  const shown = value && isValidIsoDate(value) ? formatDay(value) : '';
  return (
    <span className="date-input">
      <input
        id={id}
        type="date"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
        onBlur={onBlur}
        aria-invalid={invalid || undefined}
        aria-describedby={[describedBy, shown ? previewId : undefined].filter(Boolean).join(' ') || undefined}
        disabled={disabled}
        min={min}
        max={max}
      />
      {shown && (
        <span id={previewId} className="date-input__preview">
          {shown}
        </span>
      )}
    </span>
  );
}
