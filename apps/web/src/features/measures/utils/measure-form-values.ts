import type { Measure, UpdateMeasureInput } from '@prongsai/shared';

/** Every editable field of a measure, as the form holds it (the shared update input without `version`). */
export type MeasureFormValues = Required<Omit<UpdateMeasureInput, 'version'>>;
export type MeasureField = keyof MeasureFormValues;

export const MEASURE_FIELDS = [
  'title',
  'actions',
  'indicators',
  'responsible',
  'plannedStart',
  'plannedEnd',
  'outcome',
  'outcomeReason',
  'resultText',
  'summary',
  'carriedOut',
  'evidence',
] as const satisfies readonly MeasureField[];

export const EMPTY_MEASURE: MeasureFormValues = {
  title: '',
  actions: [],
  indicators: [],
  responsible: null,
  plannedStart: null,
  plannedEnd: null,
  outcome: 'planned',
  outcomeReason: null,
  resultText: null,
  summary: null,
  carriedOut: null,
  evidence: [],
};

export function toFormValues(measure: Measure): MeasureFormValues {
  return {
    title: measure.title,
    actions: [...measure.actions],
    indicators: measure.indicators.map(({ fiscalYear, code, raw }) => ({ fiscalYear, code, raw })),
    responsible: measure.responsible,
    plannedStart: measure.plannedStart,
    plannedEnd: measure.plannedEnd,
    outcome: measure.outcome,
    outcomeReason: measure.outcomeReason,
    resultText: measure.resultText,
    summary: measure.summary,
    carriedOut: measure.carriedOut ? { ...measure.carriedOut } : null,
    evidence: measure.evidence.map(({ url, label }) => ({ url, label })),
  };
}

const OPTIONAL_TEXT: readonly MeasureField[] = ['responsible', 'outcomeReason', 'resultText', 'summary'];

/** One field's value in a comparable form: trimmed text, empty text as null, indicators by year + code. */
export function comparable(field: MeasureField, value: unknown): unknown {
  if (OPTIONAL_TEXT.includes(field)) {
    const text = typeof value === 'string' ? value.trim() : value;
    return text === '' || text === undefined ? null : text;
  }
  if (field === 'title' && typeof value === 'string') return value.trim();
  if (field === 'actions' && Array.isArray(value)) return value.map((action) => (typeof action === 'string' ? action.trim() : action));
  if (field === 'indicators' && Array.isArray(value)) {
    return (value as MeasureFormValues['indicators']).map((ref) => `${String(ref.fiscalYear)}:${ref.code.trim().toUpperCase()}`);
  }
  if (field === 'evidence' && Array.isArray(value)) {
    return (value as MeasureFormValues['evidence']).map((link) => ({ url: link.url.trim(), label: link.label.trim() }));
  }
  if (field === 'carriedOut' && value && typeof value === 'object') {
    const partial = value as NonNullable<MeasureFormValues['carriedOut']>;
    return { date: partial.date, precision: partial.precision };
  }
  return value === undefined || value === '' ? null : value;
}

export const sameFieldValue = (field: MeasureField, a: unknown, b: unknown): boolean =>
  JSON.stringify(comparable(field, a)) === JSON.stringify(comparable(field, b));

/** The fields whose values differ between two versions of the form. */
export function changedFields(before: MeasureFormValues, after: MeasureFormValues): MeasureField[] {
  return MEASURE_FIELDS.filter((field) => !sameFieldValue(field, before[field], after[field]));
}

/** Only the given fields of a form, for a PATCH that touches nothing else. */
export function pickFields(values: MeasureFormValues, fields: readonly MeasureField[]): Partial<MeasureFormValues> {
  const picked: Partial<Record<MeasureField, unknown>> = {};
  for (const field of fields) picked[field] = values[field];
  return picked as Partial<MeasureFormValues>;
}

export interface FieldConflict {
  field: MeasureField;
  yours: unknown;
  theirs: unknown;
  changedByYou: boolean;
  changedByThem: boolean;
}

/**
 * Compare what the editor started from (base), what they submitted (yours) and what the server
 * has now (theirs): every field that ends up different, and who changed it.
 */
export function diffConflict(base: MeasureFormValues, yours: MeasureFormValues, theirs: MeasureFormValues): FieldConflict[] {
  return MEASURE_FIELDS.flatMap((field) => {
    if (sameFieldValue(field, yours[field], theirs[field])) return [];
    return [
      {
        field,
        yours: yours[field],
        theirs: theirs[field],
        changedByYou: !sameFieldValue(field, base[field], yours[field]),
        changedByThem: !sameFieldValue(field, base[field], theirs[field]),
      },
    ];
  });
}

/** Your changes (relative to base) laid over the server's current values. */
export function rebase(base: MeasureFormValues, yours: MeasureFormValues, theirs: MeasureFormValues): MeasureFormValues {
  return { ...theirs, ...pickFields(yours, changedFields(base, yours)) };
}

const FIELD_PATH = new RegExp(
  '^(title|responsible|plannedStart|plannedEnd|outcome|outcomeReason|resultText|summary' +
    '|actions(\\.\\d+)?' +
    '|indicators(\\.\\d+(\\.(fiscalYear|code|raw))?)?' +
    '|carriedOut(\\.(date|precision))?' +
    '|evidence(\\.\\d+(\\.(url|label))?)?)$',
);

/** "body.actions.2" → "actions.2": a server issue's path as a form field path, if it is one. */
export function issueFieldPath(path: string): string | undefined {
  const field = path.replace(/^body\.?/, '');
  return FIELD_PATH.test(field) ? field : undefined;
}
