import { z } from 'zod';
import { AuditActionSchema, RoleSchema } from '../enums';
import { PageQuerySchema, UuidSchema, pageOf } from './common';

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: RoleSchema.nullable(),
  action: AuditActionSchema,
  entityType: z.string(),
  entityId: z.string(),
  agencyId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  /** Where the action came from: present for callers who read the whole trail (admins) only (PDPA). */
  requestId: z.string().nullable().optional(),
  ip: z.string().nullable().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AUDIT_ENTITY_TYPES = [
  'plan',
  'measure',
  'user',
  'agency',
  'session',
  'codebook',
  'timeline',
  'review',
  'ita_result',
  'evidence_file',
  'calendar',
] as const;
export const AuditEntityTypeSchema = z.enum(AUDIT_ENTITY_TYPES);

export const AuditQuerySchema = PageQuerySchema.extend({
  entityType: AuditEntityTypeSchema.optional(),
  entityId: z.string().trim().max(100).optional(),
  agencyId: UuidSchema.optional(),
  actorUserId: UuidSchema.optional(),
  action: AuditActionSchema.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditListResponseSchema = pageOf(AuditEntrySchema);
export type AuditListResponse = z.infer<typeof AuditListResponseSchema>;
