import type { ImportPreviewInput } from '@prongsai/shared';

/** The largest file the preview accepts (a .docx grows by a third as base64; the API takes 8 MB of text). */
export const MAX_IMPORT_BYTES = 6 * 1024 * 1024;

export type ImportFormat = ImportPreviewInput['format'];

export class ImportFileError extends Error {
  constructor(readonly reason: 'too-large' | 'unsupported' | 'unreadable') {
    super(reason);
    this.name = 'ImportFileError';
  }
}

/** .docx → docx, .pdf → pdf, a scan or photo (.png, .jpg, .tif) → image, .csv → csv, .txt (or any text/plain) → text; anything else is not supported. */
export function formatOfFile(file: Pick<File, 'name' | 'type'>): ImportFormat | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.docx')) return 'docx';
  if (name.endsWith('.pdf') || file.type === 'application/pdf') return 'pdf';
  if (/\.(png|jpe?g|tiff?)$/.test(name) || /^image\/(png|jpeg|tiff)$/.test(file.type)) return 'image';
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (name.endsWith('.txt') || file.type === 'text/plain') return 'text';
  return undefined;
}

/**
 * Reads a chosen file for the preview as its raw bytes, base64 (without the data: URL prefix): a .docx,
 * and also text and CSV, whose encoding (UTF-8, UTF-16, Windows-874) the server detects; reading them
 * here as UTF-8 text would garble a Windows-874 file for good. Reports progress (0–1) while reading.
 */
export function readImportFile(
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<Pick<ImportPreviewInput, 'format' | 'content' | 'contentEncoding'>> {
  const format = formatOfFile(file);
  if (!format) return Promise.reject(new ImportFileError('unsupported'));
  if (file.size > MAX_IMPORT_BYTES) return Promise.reject(new ImportFileError('too-large'));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    reader.onerror = () => reject(new ImportFileError('unreadable'));
    reader.onload = () => {
      onProgress?.(1);
      const result = typeof reader.result === 'string' ? reader.result : '';
      const comma = result.indexOf(',');
      const content = comma >= 0 ? result.slice(comma + 1) : result;
      if (content === '') return reject(new ImportFileError('unreadable'));
      resolve(format === 'text' || format === 'csv' ? { format, content, contentEncoding: 'base64' } : { format, content });
    };
    reader.readAsDataURL(file);
  });
}
