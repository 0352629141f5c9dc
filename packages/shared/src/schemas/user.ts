import { z } from 'zod';
import { RoleSchema } from '../enums';
import { NewPasswordSchema } from './auth';
import { PageQuerySchema, UuidSchema, pageOf, text } from './common';

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema.nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  provinceId: z.number().int().nullable(),
  provinceName: z.string().nullable(),
  isActive: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

const roleAssignment = z.discriminatedUnion('role', [
  z.object({ role: z.literal('agency_editor'), agencyId: UuidSchema }),
  z.object({ role: z.literal('provincial_reviewer'), provinceId: z.number().int().min(10).max(99) }),
  z.object({ role: z.literal('national_admin') }),
]);
export const RoleAssignmentSchema = roleAssignment;
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

export const CreateUserInputSchema = z.object({
  email: z.string().trim().toLowerCase().email('อีเมลไม่ถูกต้อง').max(254),
  name: text(200),
  password: NewPasswordSchema,
  assignment: roleAssignment,
});
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

export const UpdateUserInputSchema = z
  .object({ name: text(200), isActive: z.boolean(), assignment: roleAssignment })
  .partial()
  .strict();
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

export const UserParamsSchema = z.object({ userId: UuidSchema });
export const UserListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: RoleSchema.optional(),
});
export const UserListResponseSchema = pageOf(UserSchema);
export type UserListResponse = z.infer<typeof UserListResponseSchema>;

export const PasswordResetCodeResponseSchema = z.object({ code: z.string(), expiresAt: z.string() });
