import { useEffect, useRef } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useI18n } from '@/lib/i18n';
import type { MeasureFormValues } from '../utils/measure-form-values';
import { Button } from '@/components/ui/button';

type Link = MeasureFormValues['evidence'][number];

/** Evidence links (http/https only, checked by the shared schema), each with a label. */
export function EvidenceField({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const { control, formState } = useFormContext<MeasureFormValues>();
  const { field } = useController({ control, name: 'evidence' });
  const links = field.value;
  const errors = formState.errors.evidence;
  const listRef = useRef<HTMLUListElement>(null);
  const focusIndex = useRef<number>(undefined);

  useEffect(() => {
    if (focusIndex.current === undefined || !listRef.current) return;
    const index = focusIndex.current;
    focusIndex.current = undefined;
    listRef.current.children.item(index)?.querySelector<HTMLElement>('input')?.focus();
  });

  const change = (index: number, patch: Partial<Link>) =>
    field.onChange(links.map((link, i) => (i === index ? { ...link, ...patch } : link)));

  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>{t('form.evidence')}</legend>
      <p className="field__hint">{t('form.evidenceHint')}</p>
      {errors?.message && <p className="field__error">{errors.message}</p>}
      <ul className="evidence-rows" ref={listRef}>
        {links.map((link, index) => {
          const urlError = errors?.[index]?.url?.message;
          const labelError = errors?.[index]?.label?.message;
          const id = `evidence-${index}`;
          return (
            <li key={index} className="evidence-rows__item">
              <div className="field">
                <label htmlFor={`${id}-url`}>{t('form.evidenceUrl', { number: index + 1 })}</label>
                <input
                  id={`${id}-url`}
                  ref={index === 0 ? field.ref : undefined}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={link.url}
                  aria-invalid={Boolean(urlError) || undefined}
                  aria-describedby={urlError ? `${id}-url-error` : undefined}
                  onChange={(event) => change(index, { url: event.target.value })}
                  onBlur={field.onBlur}
                />
                {urlError && (
                  <p id={`${id}-url-error`} className="field__error">
                    {urlError}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor={`${id}-label`}>{t('form.evidenceLabel', { number: index + 1 })}</label>
                <input
                  id={`${id}-label`}
                  value={link.label}
                  aria-invalid={Boolean(labelError) || undefined}
                  aria-describedby={labelError ? `${id}-label-error` : undefined}
                  onChange={(event) => change(index, { label: event.target.value })}
                  onBlur={field.onBlur}
                />
                {labelError && (
                  <p id={`${id}-label-error`} className="field__error">
                    {labelError}
                  </p>
                )}
              </div>
              <Button
                type="button"
                className="button button--danger-ghost button--small"
                onClick={() => {
                  focusIndex.current = Math.max(0, Math.min(index, links.length - 2));
                  field.onChange(links.filter((_, i) => i !== index));
                }}
              >
                {t('form.remove')} <span className="visually-hidden">{t('form.evidenceUrl', { number: index + 1 })}</span>
              </Button>
            </li>
          );
        })}
      </ul>
      <Button
        type="button"
        className="button button--secondary"
        onClick={() => {
          focusIndex.current = links.length;
          field.onChange([...links, { url: '', label: '' }]);
        }}
      >
        {t('form.addEvidence')}
      </Button>
    </fieldset>
  );
}
