import { z } from 'zod';

// Every enum here has a Prisma twin in prisma/schema.prisma with the same values;
// apps/api/src/lib/enum-drift.test.ts fails when they drift apart.

export const AGENCY_TYPES = ['pao', 'municipality', 'sao', 'special'] as const;
export const AgencyTypeSchema = z.enum(AGENCY_TYPES);
export type AgencyType = z.infer<typeof AgencyTypeSchema>;

/** เทศบาลนคร / เทศบาลเมือง / เทศบาลตำบล */
export const MUNICIPALITY_CLASSES = ['nakhon', 'mueang', 'tambon'] as const;
export const MunicipalityClassSchema = z.enum(MUNICIPALITY_CLASSES);
export type MunicipalityClass = z.infer<typeof MunicipalityClassSchema>;

export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'published'] as const;
export const PlanStatusSchema = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

export const OUTCOMES = ['planned', 'in_progress', 'completed', 'not_carried_out'] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const DATE_PRECISIONS = ['day', 'month'] as const;
export const DatePrecisionSchema = z.enum(DATE_PRECISIONS);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

export const ROLES = ['agency_editor', 'provincial_reviewer', 'national_admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const TIMELINE_KINDS = ['note', 'status_change', 'evidence_added'] as const;
export const TimelineKindSchema = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKindSchema>;

export const REVIEW_KINDS = ['comment', 'return', 'accept', 'reopen'] as const;
export const ReviewKindSchema = z.enum(REVIEW_KINDS);
export type ReviewKind = z.infer<typeof ReviewKindSchema>;

export const CODEBOOK_CONFIDENCES = ['official', 'verified', 'secondary', 'uncertain'] as const;
export const CodebookConfidenceSchema = z.enum(CODEBOOK_CONFIDENCES);
export type CodebookConfidence = z.infer<typeof CodebookConfidenceSchema>;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'status_change',
  'login',
  'login_failed',
  'logout',
  'role_change',
  'password_reset',
  'import',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;
