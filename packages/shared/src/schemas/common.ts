import { z } from 'zod';
import { customIssue } from '../field-issues';

export const UuidSchema = z.uuid({ message: 'รหัสอ้างอิงไม่ถูกต้อง (ต้องเป็น UUID)' });

/**
 * Free text typed by people: trimmed, bounded, never empty. `pattern` makes "not blank" visible in the
 * OpenAPI document (at least one character that is not white space); the trim enforces it here.
 */
export const text = (max: number) =>
  z.string().trim().min(1, 'กรุณากรอกข้อความ').max(max, `ยาวได้ไม่เกิน ${max} ตัวอักษร`).meta({ pattern: '\\S' });
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
  .refine((value) => /^https?:\/\//i.test(value), { message: 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://', params: customIssue('httpUrl') })
  // The refine above, as JSON Schema can say it (the OpenAPI document).
  .meta({ format: 'uri', pattern: '^\\s*[hH][tT][tT][pP][sS]?://' });

/**
 * A whole number in a path or query string: decimal digits only (no sign, spaces, exponent, hex
 * or fraction), then a number. Every path and query number goes through it, piped into its bounds:
 * `DecimalIntSchema.pipe(z.number().int().min(1))`. JSON bodies carry JSON numbers instead.
 */
export const DecimalIntSchema = z
  .string({ message: 'ต้องเป็นตัวเลข' })
  .regex(/^[0-9]{1,15}$/, 'ต้องเป็นตัวเลขฐานสิบ (0–9) เท่านั้น')
  .transform(Number);

export const PageQuerySchema = z.object({
  page: DecimalIntSchema.pipe(z.number().int().min(1).max(100_000)).default(1),
  pageSize: DecimalIntSchema.pipe(z.number().int().min(1).max(200)).default(50),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

/** A row version in a JSON body: a JSON number (no "3", true or [1]). */
export const VersionSchema = z
  .number({ message: 'version ต้องเป็นตัวเลข' })
  .int('version ต้องเป็นจำนวนเต็มบวก')
  .min(1, 'version ต้องเป็นจำนวนเต็มบวก')
  .max(2_147_483_647, 'version ไม่ถูกต้อง');
/** A row version in a query string. */
export const VersionQuerySchema = DecimalIntSchema.pipe(VersionSchema);

/** Province codes (DOPA, two digits) and district codes (four digits) in paths and queries. */
export const ProvinceIdParamSchema = DecimalIntSchema.pipe(z.number().int().min(10).max(99));
export const DistrictIdParamSchema = DecimalIntSchema.pipe(z.number().int().min(1000).max(9999));

export const DateTimeSchema = z.string(); // ISO-8601 timestamps in responses
