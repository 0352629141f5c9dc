/** What a file's first bytes say it is. */
export type SniffedFormat = 'pdf' | 'docx' | 'image' | 'text' | 'doc' | 'zip' | 'binary';

/** The formats the import reads, named in every refusal (Thai, then English). */
export const READABLE_FORMATS_TH = 'ไฟล์ Word (.docx), PDF, ภาพสแกน (.png, .jpg, .tif), ข้อความ (.txt) หรือ CSV';
export const READABLE_FORMATS_EN = 'Word .docx, PDF, scanned images (.png, .jpg, .tif), text (.txt) or CSV';

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((byte, index) => bytes[at + index] === byte);

/** A ZIP holding word/document.xml is a .docx (the name sits in the local headers, uncompressed). */
function isDocx(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
  return head.includes('word/') || head.includes('[Content_Types].xml');
}

/**
 * The format of an upload from its content, not its name: a PDF renamed .txt is still a PDF. Text is
 * UTF-8/UTF-16/Windows-874: no NUL bytes (except UTF-16 with its BOM) and few control characters.
 */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  // A PDF may have a few bytes of junk before its header (the specification allows 1,024).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return isDocx(bytes) ? 'docx' : 'zip';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'doc';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'text';
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return 'binary';
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * 0.01 ? 'binary' : 'text';
}

/** The refusal for a file the import cannot read, naming the ones it can. */
export function unreadableFormatMessage(sniffed: SniffedFormat): string {
  const what =
    sniffed === 'doc'
      ? 'ไฟล์ Word แบบเก่า (.doc) กรุณาบันทึกเป็น .docx หรือ PDF ก่อน (an old Word .doc file: save it as .docx or PDF)'
      : sniffed === 'zip'
        ? 'ไฟล์บีบอัด (ZIP) ที่ไม่ใช่ .docx (a ZIP archive that is not a .docx)'
        : 'ไฟล์ที่ไม่ใช่ข้อความ (a binary file)';
  return `อ่านไฟล์นี้ไม่ได้: ${what} ระบบอ่านได้เฉพาะ${READABLE_FORMATS_TH} (readable: ${READABLE_FORMATS_EN})`;
}
