import { useEffect, useState } from 'react';
import { DEADLINE_KINDS, UpdateCalendarInputSchema, type Calendar, type DeadlineKind } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';
import { DateInput } from '@/components/ui/date-input';
import { InlineError } from '@/components/ui/error-state';
import { useUpdateCalendar } from '../api/calendar';
import { Button } from '@/components/ui/button';
import '../calendar.css';

type Row = { dueOn: string | null; remindDaysBefore: string };

/** A national admin sets a fiscal year's three ITA deadlines and the reminder days (issue 14). */
export function CalendarForm({ calendar }: { calendar: Calendar }) {
  const { t } = useI18n();
  const save = useUpdateCalendar(calendar.fiscalYear);
  const initial = () =>
    Object.fromEntries(calendar.deadlines.map((d) => [d.kind, { dueOn: d.dueOn, remindDaysBefore: String(d.remindDaysBefore) }])) as Record<
      DeadlineKind,
      Row
    >;
  const [rows, setRows] = useState(initial);
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState(false);
  useEffect(() => setRows(initial()), [calendar]); // eslint-disable-line react-hooks/exhaustive-deps
  const dirty = calendar.deadlines.some(
    (d) => rows[d.kind].dueOn !== d.dueOn || rows[d.kind].remindDaysBefore !== String(d.remindDaysBefore),
  );
  useUnsavedChangesWarning(dirty, t('unsaved.confirmLeave'));

  return (
    <form
      className="calendar-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setDone(false);
        const parsed = UpdateCalendarInputSchema.safeParse({
          deadlines: DEADLINE_KINDS.map((kind) => ({
            kind,
            dueOn: rows[kind].dueOn,
            remindDaysBefore: Number(rows[kind].remindDaysBefore),
          })),
        });
        if (!parsed.success) {
          setProblem(t('calendar.invalid'));
          return;
        }
        setProblem(undefined);
        save.mutate(parsed.data, { onSuccess: () => setDone(true) });
      }}
    >
      {DEADLINE_KINDS.map((kind) => {
        const deadline = calendar.deadlines.find((d) => d.kind === kind)!;
        return (
          <fieldset key={kind}>
            <legend>
              {t(`deadlines.kind.${kind}`)} {deadline.isDefault && <span className="muted">({t('calendar.default')})</span>}
            </legend>
            <DateInput
              label={t('calendar.dueOn')}
              value={rows[kind].dueOn}
              onChange={(dueOn) => setRows((current) => ({ ...current, [kind]: { ...current[kind], dueOn } }))}
            />
            <label>
              {t('calendar.remindDaysBefore')}{' '}
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={90}
                value={rows[kind].remindDaysBefore}
                onChange={(event) => {
                  const remindDaysBefore = event.target.value;
                  setRows((current) => ({ ...current, [kind]: { ...current[kind], remindDaysBefore } }));
                }}
              />
            </label>
          </fieldset>
        );
      })}
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      <InlineError error={save.error} />
      <div className="form-actions">
        <Button type="submit" className="button button--primary" disabled={save.isPending || !dirty}>
          {t('calendar.save')}
        </Button>
      </div>
      {done && <p role="status">{t('calendar.saved', { fiscalYear: calendar.fiscalYear })}</p>}
    </form>
  );
}
