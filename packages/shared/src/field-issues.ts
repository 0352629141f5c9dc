import type { z } from 'zod';
import type { FieldIssue } from './errors';

/** What a field issue's text is written from, besides its code (see `fieldIssueOf`). */
export type FieldIssueParams = Record<string, string | number>;

/** The refines (`custom` issues) the schemas raise, each written by the web as `fieldIssue.custom.<key>`. */
export const CUSTOM_ISSUE_KEYS = [
  'impossibleDate',
  'ceYear',
  'monthFirstDay',
  'fiscalYearRange',
  'httpUrl',
  'outcomeReason',
  'endBeforeStart',
  'duplicateMeasures',
  'duplicateKind',
  'idsOrAll',
] as const;
export type CustomIssueKey = (typeof CUSTOM_ISSUE_KEYS)[number];

/**
 * A refine's `params`: its key (the web writes `fieldIssue.custom.<key>` in the reader's language)
 * and the values that text needs, e.g. `{ message, params: customIssue('endBeforeStart') }`.
 */
export const customIssue = (key: CustomIssueKey, params: FieldIssueParams = {}): FieldIssueParams => ({ ...params, key });

/**
 * A Zod issue as the API sends it and the web shows it: its code, the parameters a message is
 * written from (minimum, maximum, origin, expected, format, the unknown key, a refine's `key`), and
 * the schema's own (Thai) message, which is shown only for codes a catalogue does not know.
 */
export function fieldIssueOf(issue: z.core.$ZodIssue, path: string): FieldIssue {
  const params: FieldIssueParams = {};
  const put = (name: string, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    else if (typeof value === 'bigint') params[name] = Number(value);
  };
  switch (issue.code) {
    case 'too_small':
      put('minimum', issue.minimum);
      put('origin', issue.origin);
      break;
    case 'too_big':
      put('maximum', issue.maximum);
      put('origin', issue.origin);
      break;
    case 'invalid_type':
      put('expected', issue.expected);
      break;
    case 'invalid_format':
      put('format', issue.format);
      break;
    case 'not_multiple_of':
      put('divisor', issue.divisor);
      break;
    case 'custom':
      for (const [name, value] of Object.entries(issue.params ?? {})) put(name, value);
      break;
    default:
      break;
  }
  const issueOut: FieldIssue = { path, message: issue.message, code: issue.code };
  return Object.keys(params).length > 0 ? { ...issueOut, params } : issueOut;
}
