import type { QualityWarning } from '@prongsai/shared';
import { isMessageKey, type I18nValue, type MessageKey, type TranslateVars } from '@/lib/i18n';

/** The catalogue key of a warning: `warning.<CODE>.<kind>` when the code has that variant, else `warning.<CODE>`. */
export function warningKey(warning: Pick<QualityWarning, 'code' | 'params'>): string {
  const kind = warning.params?.kind;
  const variant = typeof kind === 'string' ? `warning.${warning.code}.${kind}` : undefined;
  return variant && isMessageKey(variant) ? variant : `warning.${warning.code}`;
}

/** The short name of a warning code (for chips and filters); the code itself when the catalogue has none. */
export function warningCodeLabel(code: string, t: I18nValue['t']): string {
  const key = `warningCode.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/**
 * A quality warning in the reader's language, digits and calendar, written from its code and
 * parameters (see QualityWarningParamsSchema). The measure it concerns is not repeated: lists put
 * "measure N:" before it. A warning without parameters (stored before they existed) or with a code
 * the catalogue does not know yet shows the server's Thai message. A PARSE_PROBLEM is written from
 * its `params.kind` (PARSE_PROBLEM_KINDS); one without a kind quotes the server's text. `value` is a
 * cell as the file wrote it and is never reformatted (a date that does not exist stays as written);
 * `place` (IMPORT_PLACES) is written from `importPlace.<place>` with the numbers beside it.
 */
export function warningText(
  warning: QualityWarning,
  i18n: Pick<I18nValue, 't' | 'formatDay' | 'formatPartial' | 'digitsOf'>,
  positionOf: (sequence: number) => number = (sequence) => sequence,
): { text: string; lang?: 'th' } {
  const key = warningKey(warning);
  if (warning.code === 'PARSE_PROBLEM' && key === 'warning.PARSE_PROBLEM' && !warning.params?.detail) {
    // What the parser could not read is about the Thai document: quoted as the server wrote it.
    return { text: i18n.t('warning.PARSE_PROBLEM', { detail: warning.message }) };
  }
  if (!warning.params || !isMessageKey(key)) return { text: warning.message, lang: 'th' };
  const vars: TranslateVars = {};
  for (const [name, value] of Object.entries(warning.params)) {
    if (typeof value === 'number') vars[name] = name === 'other' || name === 'sequence' ? positionOf(value) : value;
    else if (name === 'value') vars[name] = value;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) vars[name] = i18n.formatDay(value);
    else if (name === 'steps') vars[name] = i18n.digitsOf(value);
    else vars[name] = value;
  }
  const { place } = warning.params;
  if (typeof place === 'string') {
    // Where the report reader found it (IMPORT_PLACES), its numbers in the reader's digits.
    const placeKey = `importPlace.${place}`;
    if (isMessageKey(placeKey)) vars.place = i18n.t(placeKey as MessageKey, vars);
  }
  const { date, datePrecision } = warning.params;
  if (typeof date === 'string' && (datePrecision === 'day' || datePrecision === 'month')) {
    vars.date = i18n.formatPartial({ date, precision: datePrecision });
  }
  return { text: i18n.t(key as MessageKey, vars) };
}
