import { useId, useState } from 'react';
import { currentFiscalYear, type PlanDetail, type PlanSummary } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { InlineError } from '@/components/ui/error-state';
import { useCreatePlan } from '../api/create-plan';
import { Button } from '@/components/ui/button';
import '../plans.css';

/** Fiscal years a plan may be started for: a few back, this one and the next, minus those that exist. */
export function plannableYears(existing: readonly number[], now = new Date()): number[] {
  const current = currentFiscalYear(now);
  const years: number[] = [];
  for (let year = current + 1; year >= current - 4; year -= 1) if (!existing.includes(year)) years.push(year);
  return years;
}

/** The default: this fiscal year when it has no plan yet, else the nearest free one. */
export function defaultPlanYear(years: readonly number[], now = new Date()): number | undefined {
  const current = currentFiscalYear(now);
  if (years.includes(current)) return current;
  return years.find((year) => year > current) ?? years[0];
}

export function CreatePlanForm({
  agencyId,
  plans,
  onCreated,
}: {
  agencyId: string;
  plans: PlanSummary[];
  onCreated: (plan: PlanDetail) => void;
}) {
  const { t, formatFiscalYear } = useI18n();
  const id = useId();
  const existing = plans.map((plan) => plan.fiscalYear);
  const years = plannableYears(existing);
  const [fiscalYear, setFiscalYear] = useState<number | undefined>(() => defaultPlanYear(years));
  const [copy, setCopy] = useState(true);
  const create = useCreatePlan({ onSuccess: onCreated });

  if (years.length === 0 || fiscalYear === undefined) return null;
  const source = existing.filter((year) => year < fiscalYear).sort((a, b) => b - a)[0];

  return (
    <form
      className="card create-plan"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({
          agencyId,
          fiscalYear,
          input: source !== undefined && copy ? { copyFromFiscalYear: source } : {},
        });
      }}
    >
      <h2 id={`${id}-title`} className="h3">
        {t('createPlan.title')}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('createPlan.fiscalYear')}</label>
        <select id={`${id}-year`} value={fiscalYear} onChange={(event) => setFiscalYear(Number(event.target.value))}>
          {years.map((year) => (
            <option key={year} value={year}>
              {formatFiscalYear(year)}
            </option>
          ))}
        </select>
      </div>
      {source !== undefined && (
        <div className="field field--checkbox">
          <input
            id={`${id}-copy`}
            type="checkbox"
            checked={copy}
            aria-describedby={`${id}-copy-hint`}
            onChange={(event) => setCopy(event.target.checked)}
          />
          <label htmlFor={`${id}-copy`}>{t('createPlan.copyFrom', { fiscalYear: source })}</label>
          <p id={`${id}-copy-hint`} className="field__hint">
            {t('createPlan.copyHint')}
          </p>
        </div>
      )}
      <InlineError error={create.error} />
      <Button type="submit" className="button button--primary" disabled={create.isPending}>
        {t('createPlan.submit', { fiscalYear })}
      </Button>
    </form>
  );
}
