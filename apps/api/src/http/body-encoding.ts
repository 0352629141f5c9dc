import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../lib/app-error';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * body-parser's `verify` hook for JSON and text bodies: bytes that are not valid UTF-8 would be decoded
 * with U+FFFD in their place and stored as if the user had written it. Refuse them with 400
 * INVALID_ENCODING instead. A body that names another charset (text/plain; charset=windows-874) was
 * decoded from that charset by the parser and is not checked here.
 */
export function assertUtf8Body(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  const charset = encoding.toLowerCase();
  if (charset !== 'utf-8' && charset !== 'utf8') return;
  try {
    strictUtf8.decode(body);
  } catch {
    throw new AppError('INVALID_ENCODING', 'ข้อมูลที่ส่งมาไม่ได้เข้ารหัสแบบ UTF-8 กรุณาบันทึกไฟล์หรือข้อความเป็น UTF-8 แล้วส่งใหม่', {
      issues: [{ path: 'body', message: 'the body is not valid UTF-8', code: 'invalid_encoding' }],
    });
  }
}
