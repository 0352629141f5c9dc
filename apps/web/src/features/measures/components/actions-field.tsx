import { useEffect, useRef } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useI18n } from '@/lib/i18n';
import type { MeasureFormValues } from '../utils/measure-form-values';
import { Button } from '@/components/ui/button';

/** The numbered sub-actions (๑. ๒. ๓.): add, remove, move up and down, all by keyboard. */
export function ActionsField({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const { control, formState } = useFormContext<MeasureFormValues>();
  const { field } = useController({ control, name: 'actions' });
  const actions = field.value;
  const listRef = useRef<HTMLOListElement>(null);
  const focusNext = useRef<{ index: number; selector: string }>(undefined);
  const errors = formState.errors.actions;

  useEffect(() => {
    const pending = focusNext.current;
    if (!pending || !listRef.current) return;
    focusNext.current = undefined;
    const item = listRef.current.children.item(pending.index);
    const target = item?.querySelector<HTMLElement>(pending.selector);
    if (target && !(target as HTMLButtonElement).disabled) target.focus();
    else item?.querySelector<HTMLElement>('textarea')?.focus();
  });

  const update = (next: string[], focus?: { index: number; selector: string }) => {
    focusNext.current = focus;
    field.onChange(next);
  };
  const move = (index: number, direction: -1 | 1) => {
    const to = index + direction;
    if (to < 0 || to >= actions.length) return;
    const next = [...actions];
    [next[index], next[to]] = [next[to]!, next[index]!];
    update(next, { index: to, selector: `[data-move="${direction}"]` });
  };

  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>{t('form.actions')}</legend>
      <p className="field__hint">{t('form.actionsHint')}</p>
      {errors?.message && <p className="field__error">{errors.message}</p>}
      {actions.length === 0 && <p className="muted">{t('form.actionsEmpty')}</p>}
      <ol className="sub-actions" ref={listRef}>
        {actions.map((action, index) => {
          const id = `action-${index}`;
          const error = errors?.[index]?.message;
          return (
            <li key={index} className="sub-actions__item">
              <div className="field">
                <label htmlFor={id}>{t('form.actionNumber', { number: index + 1 })}</label>
                <textarea
                  id={id}
                  ref={index === 0 ? field.ref : undefined}
                  rows={2}
                  value={action}
                  aria-invalid={Boolean(error) || undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(event) => update(actions.map((value, i) => (i === index ? event.target.value : value)))}
                  onBlur={field.onBlur}
                />
                {error && (
                  <p id={`${id}-error`} className="field__error">
                    {error}
                  </p>
                )}
              </div>
              <div className="sub-actions__buttons">
                <Button
                  type="button"
                  className="button button--ghost button--small"
                  data-move="-1"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  {t('form.moveUp')} <span className="visually-hidden">{t('form.actionNumber', { number: index + 1 })}</span>
                </Button>
                <Button
                  type="button"
                  className="button button--ghost button--small"
                  data-move="1"
                  disabled={index === actions.length - 1}
                  onClick={() => move(index, 1)}
                >
                  {t('form.moveDown')} <span className="visually-hidden">{t('form.actionNumber', { number: index + 1 })}</span>
                </Button>
                <Button
                  type="button"
                  className="button button--danger-ghost button--small"
                  onClick={() =>
                    update(
                      actions.filter((_, i) => i !== index),
                      { index: Math.max(0, Math.min(index, actions.length - 2)), selector: 'textarea' },
                    )
                  }
                >
                  {t('form.remove')} <span className="visually-hidden">{t('form.actionNumber', { number: index + 1 })}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        type="button"
        className="button button--secondary"
        onClick={() => update([...actions, ''], { index: actions.length, selector: 'textarea' })}
      >
        {t('form.addAction')}
      </Button>
    </fieldset>
  );
}
