import { useId, type ReactNode } from 'react';

/** What a field's control spreads onto itself to be tied to the label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * One labelled control (`.field`): label, the control, an optional hint, then the error. `children`
 * renders the control from `FieldControlProps`: its id (the label's `htmlFor`), `aria-invalid` while
 * there is an error, and `aria-describedby` listing `describedBy`, the hint and the error, in that order.
 */
export function FormField({
  label,
  id: givenId,
  hint,
  error,
  describedBy,
  className,
  children,
}: {
  label: ReactNode;
  /** The control's id (generated when absent); the hint and the error get `<id>-hint` and `<id>-error`. */
  id?: string;
  hint?: ReactNode;
  error?: string;
  /** Ids of other elements that describe the control, read before the hint and the error. */
  describedBy?: string;
  /** Classes added to `field`, e.g. `only-narrow`. */
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control: FieldControlProps = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [describedBy, hintId, errorId].filter(Boolean).join(' ') || undefined,
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

export interface SelectOption {
  value: string | number;
  label: string;
}

/**
 * A `FormField` holding a `<select>` of `options`, optionally led by an empty choice (`emptyLabel`:
 * "all types", "choose a role"). `onChange` gets the chosen value as the select holds it ('' for the
 * empty choice).
 */
export function SelectField({
  label,
  value,
  options,
  emptyLabel,
  onChange,
  disabled,
  error,
  className,
}: {
  label: string;
  value: string | number | undefined;
  options: readonly SelectOption[];
  emptyLabel?: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  error?: string;
  className?: string;
}) {
  return (
    <FormField label={label} error={error} className={className}>
      {(control) => (
        <select {...control} value={value ?? ''} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
