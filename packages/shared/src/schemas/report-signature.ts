import { z } from 'zod';
import { formatDate, IsoDateSchema } from '../dates';
import type { DigitStyle } from '../thai';
import { text } from './common';

/**
 * The optional signature block at the end of an agency's official report (issue 16, ADR 022): who signs,
 * in what position, and on which day; no day means the signer writes it by hand. One per agency, set by
 * its editors (or a national admin); every report of the agency ends with it while it is set.
 */

/** One printed line: a line break typed into a name would break the block apart. */
const oneLine = (max: number) => text(max).refine((value) => !/[\r\n\t]/.test(value), 'ต้องเป็นข้อความบรรทัดเดียว');

export const ReportSignatureSchema = z.object({
  /** The signer's name as printed in brackets under the signature line, e.g. นายสมชาย ใจดี. */
  name: z.string(),
  /** e.g. นายกองค์การบริหารส่วนตำบลบางทรายน้อย. */
  position: z.string(),
  /** The day of signing (CE); null when it is left blank to be written by hand. */
  signedOn: IsoDateSchema.nullable(),
});
export type ReportSignature = z.infer<typeof ReportSignatureSchema>;

export const ReportSignatureResponseSchema = z.object({ signature: ReportSignatureSchema.nullable() });
export type ReportSignatureResponse = z.infer<typeof ReportSignatureResponseSchema>;

export const UpdateReportSignatureInputSchema = z
  .object({
    name: oneLine(120),
    position: oneLine(200),
    signedOn: IsoDateSchema.nullable().default(null),
  })
  .strict();
export type UpdateReportSignatureInput = z.infer<typeof UpdateReportSignatureInputSchema>;

export const SIGNATURE_LINE = 'ลงชื่อ ........................................';
export const SIGNATURE_BLANK_DATE = 'วันที่ ........ เดือน .................... พ.ศ. ..........';

/**
 * The block as printed, one string a line: "ลงชื่อ ……", "(name)", "ตำแหน่ง …", "วันที่ ๗ มีนาคม ๒๕๖๗" (or dotted
 * blanks for the day). The report prints Thai digits like the rest of the document; a screen may pass the
 * reader's digits.
 */
export function reportSignatureLines(signature: ReportSignature, digits: DigitStyle = 'thai'): string[] {
  return [
    SIGNATURE_LINE,
    `(${signature.name})`,
    `ตำแหน่ง ${signature.position}`,
    signature.signedOn ? `วันที่ ${formatDate(signature.signedOn, 'th', digits)}` : SIGNATURE_BLANK_DATE,
  ];
}
