import { describe, expect, it } from 'vitest';
import { readImportFile } from './read-file';

const base64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe('readImportFile', () => {
  it('when a Windows-874 .csv is chosen, then its raw bytes are sent as base64, not decoded as UTF-8', async () => {
    // "ปีงบ" in Windows-874: not valid UTF-8, so reading it as text would turn it into U+FFFD for good.
    const bytes = [0xbb, 0xd5, 0xa7, 0xba, 0x0a];
    const file = new File([new Uint8Array(bytes)], 'measures.csv', { type: 'text/csv' });

    const read = await readImportFile(file);

    expect(read).toEqual({ format: 'csv', content: base64(bytes), contentEncoding: 'base64' });
  });

  it('when a UTF-16 .txt report is chosen, then its bytes, BOM included, are sent for the server to decode', async () => {
    const bytes = [0xff, 0xfe, 0x1b, 0x0e, 0x35, 0x0e];
    const file = new File([new Uint8Array(bytes)], 'report.txt', { type: 'text/plain' });

    const read = await readImportFile(file);

    expect(read).toEqual({ format: 'text', content: base64(bytes), contentEncoding: 'base64' });
  });

  it.each([
    ['report.pdf', 'application/pdf', 'pdf'],
    ['scan.JPG', 'image/jpeg', 'image'],
    ['page-1.png', 'image/png', 'image'],
    ['scan.tiff', '', 'image'],
  ] as const)(
    'when %s is chosen, then it is sent as base64 bytes in the %s format (read by the server, OCR for images)',
    async (name, type, format) => {
      const bytes = [0x25, 0x50, 0x44, 0x46];
      const file = new File([new Uint8Array(bytes)], name, { type });

      expect(await readImportFile(file)).toEqual({ format, content: base64(bytes) });
    },
  );

  it('when a .docx is chosen, then it is sent as base64 as before', async () => {
    const bytes = [0x50, 0x4b, 0x03, 0x04];
    const file = new File([new Uint8Array(bytes)], 'report.docx');

    expect(await readImportFile(file)).toEqual({ format: 'docx', content: base64(bytes) });
  });
});
