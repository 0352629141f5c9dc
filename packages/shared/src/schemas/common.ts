import { z } from 'zod';

export const UuidSchema = z.uuid({ message: 'รหัสอ้างอิงไม่ถูกต้อง (ต้องเป็น UUID)' });

/** Free text typed by people: trimmed, bounded, never empty. */
export const text = (max: number) => z.string().trim().min(1, 'กรุณากรอกข้อความ').max(max, `ยาวได้ไม่เกิน ${max} ตัวอักษร`);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `ยาวได้ไม่เกิน ${max} ตัวอักษร`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** http(s) URLs only: no javascript:, data: or file: links reach the page. */
export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2000, 'ลิงก์ยาวเกินไป')
  .url({ message: 'ลิงก์ไม่ถูกต้อง' })
  .refine((value) => /^https?:\/\//i.test(value), 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://');

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

export const VersionSchema = z.coerce.number().int().min(1, 'version ต้องเป็นจำนวนเต็มบวก').max(2_147_483_647, 'version ไม่ถูกต้อง');

export const DateTimeSchema = z.string(); // ISO-8601 timestamps in responses
