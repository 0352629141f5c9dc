import { useCallback, useMemo } from 'react';
import type { FieldValues, Resolver } from 'react-hook-form';
import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import { fieldIssueOf, SERVER_ISSUE_CODES, type FieldIssue } from '@prongsai/shared';
import type { z } from 'zod';
import { isMessageKey, useI18n, type I18nValue, type MessageKey, type TranslateVars } from '@/lib/i18n';

/** What a field issue is written from: the server's (or a client-side parse's) code, params and text. */
export type IssueLike = Pick<FieldIssue, 'message' | 'params'> & { code?: string };

const THAI = /[\u0E00-\u0E7F]/;

/** An issue the server wrote by hand (SERVER_ISSUE_CODES): always written from `serverIssue.<code>` (ADR 026). */
const isServerIssueCode = (code: string | undefined): boolean => code !== undefined && Object.hasOwn(SERVER_ISSUE_CODES, code);

/** The catalogue key (and variables) for an issue, or undefined when the catalogue does not know its code. */
function issueKey(issue: IssueLike, formatDecimal: (value: number) => string): { key: string; vars?: TranslateVars } | undefined {
  const params = issue.params ?? {};
  const origin = params.origin;
  const count = (name: 'minimum' | 'maximum') => {
    const value = params[name];
    return typeof value === 'number' ? { [name]: formatDecimal(value) } : { [name]: String(value ?? '') };
  };
  // An issue the server wrote by hand with a Zod code but without the params its text needs.
  const needs = { too_small: 'minimum', too_big: 'maximum', unrecognized_keys: 'key', not_multiple_of: 'divisor' }[issue.code ?? ''];
  if (needs && params[needs] === undefined) return { key: 'fieldIssue.invalid' };
  switch (issue.code) {
    case 'too_small':
      if (origin === 'string')
        return params.minimum === 1 ? { key: 'fieldIssue.required' } : { key: 'fieldIssue.tooShort', vars: count('minimum') };
      if (origin === 'array' || origin === 'set') return { key: 'fieldIssue.tooFew', vars: count('minimum') };
      return { key: 'fieldIssue.tooSmall', vars: count('minimum') };
    case 'too_big':
      if (origin === 'string') return { key: 'fieldIssue.tooLong', vars: count('maximum') };
      if (origin === 'array' || origin === 'set') return { key: 'fieldIssue.tooMany', vars: count('maximum') };
      return { key: 'fieldIssue.tooBig', vars: count('maximum') };
    case 'invalid_type':
      if (params.expected === 'number' || params.expected === 'int') return { key: `fieldIssue.invalidType.${params.expected}` };
      return { key: 'fieldIssue.invalidType' };
    case 'invalid_format':
    case 'invalid_string': {
      const format = `fieldIssue.format.${String(params.format ?? params.validation ?? '')}`;
      return { key: isMessageKey(format) ? format : 'fieldIssue.format' };
    }
    case 'invalid_value':
    case 'invalid_enum_value':
      return { key: 'fieldIssue.invalidValue' };
    case 'unrecognized_keys':
      return { key: 'fieldIssue.unrecognizedKey', vars: { key: String(params.key ?? '') } };
    case 'not_multiple_of':
      return { key: 'fieldIssue.notMultipleOf', vars: { divisor: String(params.divisor ?? '') } };
    case 'custom': {
      const key = `fieldIssue.custom.${String(params.key ?? '')}`;
      const vars: TranslateVars = {};
      for (const [name, value] of Object.entries(params)) if (name !== 'key') vars[name] = value;
      return isMessageKey(key) ? { key, vars } : { key: 'fieldIssue.invalid' };
    }
    default: {
      if (!isServerIssueCode(issue.code)) return undefined;
      const key = `serverIssue.${String(issue.code)}`;
      if (!isMessageKey(key)) return undefined;
      const vars: TranslateVars = {};
      for (const [name, value] of Object.entries(params)) vars[name] = typeof value === 'number' ? formatDecimal(value) : value;
      return { key, vars };
    }
  }
}

/** Every catalogue key `fieldIssueText` may use for a Zod code (the catalogue test checks both languages have them). */
export const FIELD_ISSUE_KEYS = [
  'fieldIssue.required',
  'fieldIssue.tooShort',
  'fieldIssue.tooLong',
  'fieldIssue.tooFew',
  'fieldIssue.tooMany',
  'fieldIssue.tooSmall',
  'fieldIssue.tooBig',
  'fieldIssue.invalidType',
  'fieldIssue.invalidType.number',
  'fieldIssue.invalidType.int',
  'fieldIssue.format',
  'fieldIssue.format.email',
  'fieldIssue.format.url',
  'fieldIssue.format.uuid',
  'fieldIssue.format.regex',
  'fieldIssue.invalidValue',
  'fieldIssue.unrecognizedKey',
  'fieldIssue.notMultipleOf',
  'fieldIssue.invalid',
] as const;

/**
 * A field issue in the reader's language (ADR 023). The catalogue writes it from its code and
 * params; in Thai a refine's or a schema's own Thai message is kept (it is written for users and
 * names the field, e.g. "ขั้นตอนย่อยได้ไม่เกิน 30 ข้อ"). An issue the server wrote by hand
 * (SERVER_ISSUE_CODES: a CSV line's problem) is written from `serverIssue.<code>` in both languages;
 * a code no catalogue knows (`bad_request`) shows the server's text.
 */
export function fieldIssueText(issue: IssueLike, i18n: Pick<I18nValue, 't' | 'lang' | 'formatDecimal'>): string {
  const found = issueKey(issue, (value) => i18n.formatDecimal(value));
  if (!found) return issue.message;
  const isCustomWithKey = issue.code === 'custom' && found.key !== 'fieldIssue.invalid';
  const fromCatalogue = isCustomWithKey || isServerIssueCode(issue.code);
  if (i18n.lang === 'th' && !fromCatalogue && THAI.test(issue.message)) return issue.message;
  return i18n.t(found.key as MessageKey, found.vars);
}

/** `fieldIssueText` bound to the reader's language. */
export function useFieldIssueText(): (issue: IssueLike) => string {
  const { t, lang, formatDecimal } = useI18n();
  return useCallback((issue: IssueLike) => fieldIssueText(issue, { t, lang, formatDecimal }), [t, lang, formatDecimal]);
}

/** The text of the first issue of a failed client-side parse, in the reader's language. */
export function useZodIssueText(): (issue: z.core.$ZodIssue | undefined) => string | undefined {
  const text = useFieldIssueText();
  return useCallback((issue: z.core.$ZodIssue | undefined) => (issue ? text(fieldIssueOf(issue, '')) : undefined), [text]);
}

/**
 * A react-hook-form resolver for a shared schema whose field errors are written by `text` (the
 * schema's own messages are Thai; zodResolver would show them in English too).
 */
export function localisedZodResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  text: (issue: IssueLike) => string,
): Resolver<Input, unknown, Output> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: result.data, errors: {} };
    }
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= { type: issue.code, message: text(fieldIssueOf(issue, path)) };
    }
    return { values: {}, errors: toNestErrors(errors as never, options) };
  };
}

/**
 * `localisedZodResolver` in the reader's language. useForm takes its options afresh on every
 * render, so after a language switch the next check writes in the new language.
 */
export function useLocalisedZodResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
): Resolver<Input, unknown, Output> {
  const text = useFieldIssueText();
  return useMemo(() => localisedZodResolver(schema, text), [schema, text]);
}
