import { describe, expect, it } from 'vitest';
import * as shared from '@prongsai/shared';
import * as prismaEnums from '../generated/prisma/enums';

/** Prisma enums must hold exactly the values of their shared Zod twins (STYLE.md, Naming). */
const PAIRS: [name: string, prisma: Record<string, string>, zod: readonly string[]][] = [
  ['AgencyType', prismaEnums.AgencyType, shared.AGENCY_TYPES],
  ['MunicipalityClass', prismaEnums.MunicipalityClass, shared.MUNICIPALITY_CLASSES],
  ['PlanStatus', prismaEnums.PlanStatus, shared.PLAN_STATUSES],
  ['Outcome', prismaEnums.Outcome, shared.OUTCOMES],
  ['DatePrecision', prismaEnums.DatePrecision, shared.DATE_PRECISIONS],
  ['Role', prismaEnums.Role, shared.ROLES],
  ['TimelineKind', prismaEnums.TimelineKind, shared.TIMELINE_KINDS],
  ['ReviewKind', prismaEnums.ReviewKind, shared.REVIEW_KINDS],
  ['CodebookConfidence', prismaEnums.CodebookConfidence, shared.CODEBOOK_CONFIDENCES],
];

// Compile-time half: assigning each Prisma enum type to its Zod type (and back) fails typecheck on drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typeChecks: [
  Same<prismaEnums.AgencyType, shared.AgencyType>,
  Same<prismaEnums.PlanStatus, shared.PlanStatus>,
  Same<prismaEnums.Outcome, shared.Outcome>,
  Same<prismaEnums.Role, shared.Role>,
  Same<prismaEnums.DatePrecision, shared.DatePrecision>,
  Same<prismaEnums.TimelineKind, shared.TimelineKind>,
  Same<prismaEnums.ReviewKind, shared.ReviewKind>,
  Same<prismaEnums.MunicipalityClass, shared.MunicipalityClass>,
  Same<prismaEnums.CodebookConfidence, shared.CodebookConfidence>,
] = [true, true, true, true, true, true, true, true, true];

describe('enum drift', () => {
  it.each(PAIRS)('when %s is compared, then Prisma and Zod hold the same values', (_name, prisma, zod) => {
    expect(Object.values(prisma).sort()).toEqual([...zod].sort());
  });

  it('when the types are compared, then they are identical', () => {
    expect(typeChecks.every(Boolean)).toBe(true);
  });
});
