import { z } from 'zod';
import { RoleSchema } from '../enums';

export const LoginInputSchema = z.object({
  email: z.string().trim().toLowerCase().email('อีเมลไม่ถูกต้อง').max(254),
  password: z.string().min(1, 'กรุณากรอกรหัสผ่าน').max(200),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const MIN_PASSWORD_LENGTH = 12;

export const NewPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `รหัสผ่านต้องยาวอย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร`)
  .max(200, 'รหัสผ่านยาวเกินไป');

export const SessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  provinceId: z.number().int().nullable(),
  provinceName: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const MeResponseSchema = z.object({ user: SessionUserSchema });
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** `GET /auth/session`: the signed-in user, or null for a visitor without a (live) session. */
export const SessionResponseSchema = z.object({ user: SessionUserSchema.nullable() });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const ResetPasswordInputSchema = z.object({
  code: z.string().trim().min(10).max(100),
  password: NewPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInputSchema>;
