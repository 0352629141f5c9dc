import type { Request, Response } from 'express';
import busboy from 'busboy';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { AppError } from '../lib/app-error';
import { fileTooLarge } from '../lib/file-store/spool';

/** Room for the multipart envelope (boundaries, part headers, the small fields) beyond the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

export interface MultipartFile<F> {
  fileName: string;
  stream: Readable;
  /** The fields sent before the file part, parsed with the route's schema. */
  fields: F;
}

/**
 * The one file of a `multipart/form-data` upload, as a stream not yet read (busboy, with limits: one
 * file of at most `maxBytes` + 1 bytes, a few small fields). A declared length beyond the limit is
 * 413 before any byte is read; a chunked body that grows past it is cut by busboy and the reader sees
 * the extra byte (413 there). After an error the connection is closed rather than drained.
 */
export function readMultipartFile<S extends z.ZodType>(
  req: Request,
  res: Response,
  maxBytes: number,
  fieldsSchema: S,
): Promise<MultipartFile<z.infer<S>>> {
  const closeAfterAnswer = () => {
    res.setHeader('Connection', 'close');
    req.unpipe();
  };
  if (!req.is('multipart/form-data')) {
    closeAfterAnswer();
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'กรุณาส่งไฟล์เป็น multipart/form-data', {
      issues: [{ path: 'body', message: 'expected multipart/form-data with one file part named "file"', code: 'unsupported_media_type' }],
    });
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes + ENVELOPE_BYTES) {
    closeAfterAnswer();
    throw fileTooLarge(maxBytes);
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 20 },
      });
    } catch (error) {
      closeAfterAnswer();
      reject(
        new AppError('VALIDATION_FAILED', 'ข้อมูลที่ส่งมาไม่ใช่ multipart/form-data ที่ถูกต้อง', {
          issues: [{ path: 'body', message: (error as Error).message, code: 'invalid_multipart' }],
        }),
      );
      return;
    }
    const fields: Record<string, string> = {};
    let current: Readable | undefined;
    const fail = (error: Error) => {
      closeAfterAnswer();
      if (current) current.destroy(error);
      else reject(error);
    };
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || current) {
        stream.resume();
        return;
      }
      const parsed = fieldsSchema.safeParse(fields);
      if (!parsed.success) {
        stream.resume();
        fail(parsed.error);
        return;
      }
      current = stream;
      resolve({ fileName: info.filename ?? 'file', stream, fields: parsed.data });
    });
    parser.on('error', (error) =>
      fail(
        new AppError('VALIDATION_FAILED', 'ข้อมูลที่ส่งมาไม่ใช่ multipart/form-data ที่ถูกต้อง', {
          issues: [{ path: 'body', message: (error as Error).message, code: 'invalid_multipart' }],
        }),
      ),
    );
    parser.on('close', () => {
      if (!current)
        reject(
          new AppError('VALIDATION_FAILED', 'ไม่พบไฟล์ที่แนบมา', {
            issues: [{ path: 'body.file', message: 'no file part named "file"', code: 'required' }],
          }),
        );
    });
    // A client that goes away mid-upload: the spooling reader fails and removes what it wrote.
    req.on('aborted', () => fail(new Error('the client went away during the upload')));
    req.on('error', (error) => fail(error));
    req.pipe(parser);
  });
}
