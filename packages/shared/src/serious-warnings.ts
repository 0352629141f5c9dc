import { z } from 'zod';
import type { QualityWarning } from './schemas/measure';

/**
 * Serious quality warnings (issue 16): what, left in a plan, publishes another agency's errors under
 * this agency's name. Accepting or publishing a plan that has one open needs a reviewer's
 * acknowledgement with a reason (ADR 021).
 * - `OTHER_AGENCY_MENTION`: a measure names another local government;
 * - `OTHER_WEBSITE`: a measure cites another agency's website;
 * - `DATE_OUTSIDE_FISCAL_YEAR`: a measure was carried out outside the plan's fiscal year;
 * - `COPIED_FROM_OTHER_AGENCY` with `params.kind` 'named': a result copied from another agency that
 *   still names that agency or its website (other copies stay ordinary warnings).
 */
export const SERIOUS_WARNING_CODES = [
  'OTHER_AGENCY_MENTION',
  'OTHER_WEBSITE',
  'DATE_OUTSIDE_FISCAL_YEAR',
  'COPIED_FROM_OTHER_AGENCY',
] as const;
export const SeriousWarningCodeSchema = z.enum(SERIOUS_WARNING_CODES);
export type SeriousWarningCode = z.infer<typeof SeriousWarningCodeSchema>;

export function isSeriousWarning(warning: Pick<QualityWarning, 'code' | 'params'>): boolean {
  if (!(SERIOUS_WARNING_CODES as readonly string[]).includes(warning.code)) return false;
  return warning.code !== 'COPIED_FROM_OTHER_AGENCY' || warning.params?.kind === 'named';
}

/** What one acknowledgement covers: every serious warning of one code on one measure (or on the plan, sequence null). */
export interface AcknowledgementTarget {
  code: string;
  sequence?: number | null;
}

export const isSameTarget = (a: AcknowledgementTarget, b: AcknowledgementTarget): boolean =>
  a.code === b.code && (a.sequence ?? null) === (b.sequence ?? null);

/** A plan's serious warnings grouped as acknowledgements cover them (code + measure), in the warnings' order. */
export function seriousWarningGroups(
  warnings: readonly QualityWarning[],
): { code: SeriousWarningCode; sequence: number | null; warnings: QualityWarning[] }[] {
  const groups: { code: SeriousWarningCode; sequence: number | null; warnings: QualityWarning[] }[] = [];
  for (const warning of warnings.filter(isSeriousWarning)) {
    const group = groups.find((entry) => isSameTarget(entry, warning));
    if (group) group.warnings.push(warning);
    else groups.push({ code: warning.code as SeriousWarningCode, sequence: warning.sequence ?? null, warnings: [warning] });
  }
  return groups;
}

/** The serious warnings none of `acknowledged` covers. */
export const unacknowledgedWarnings = (
  warnings: readonly QualityWarning[],
  acknowledged: readonly AcknowledgementTarget[],
): QualityWarning[] =>
  warnings.filter((warning) => isSeriousWarning(warning) && !acknowledged.some((target) => isSameTarget(target, warning)));

export const ACKNOWLEDGEMENT_REASON_MIN = 10;
export const ACKNOWLEDGEMENT_REASON_MAX = 500;
