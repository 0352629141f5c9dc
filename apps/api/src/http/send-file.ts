import type { Response } from 'express';
import type { FileResponse } from '../lib/file-response';

/**
 * Send a service's file: headers, then its bytes (a buffer at once, with an ETag; a stream with backpressure). A client that goes away ends
 * the reading (so a database cursor behind the stream is released at once); a client that stops
 * reading for `stallMs` is hung up on (EXPORT_STALL_SECONDS).
 */
export async function sendFile(res: Response, file: FileResponse): Promise<void> {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `${file.disposition ?? 'attachment'}; filename="${file.fileName}"`);
  for (const [name, value] of Object.entries(file.headers ?? {})) res.setHeader(name, value);
  if (Buffer.isBuffer(file.body)) {
    // Express adds a strong ETag and answers a matching If-None-Match with 304.
    res.send(file.body);
    return;
  }
  const gone = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) gone.abort(new Error('The client went away before the file was sent'));
  };
  res.once('close', onClose);
  res.setTimeout(Number(res.app.locals.exportStallMs ?? 60_000), () => res.destroy());
  // ONE drain listener for the whole response. The compression middleware hands `res.on('drain')` to
  // its zlib stream but not `res.off`, so a listener per wait (`once(res, 'drain')`) was never removed:
  // a gzip download of the country's CSV piled up thousands, each called on every later drain.
  let drained: (() => void) | undefined;
  const onDrain = () => drained?.();
  res.on('drain', onDrain);
  const drain = () =>
    new Promise<void>((resolve, reject) => {
      if (gone.signal.aborted) return reject(gone.signal.reason as Error);
      const onAbort = () => reject(gone.signal.reason as Error);
      gone.signal.addEventListener('abort', onAbort, { once: true });
      drained = () => {
        drained = undefined;
        gone.signal.removeEventListener('abort', onAbort);
        resolve();
      };
    });
  try {
    for await (const chunk of file.body) {
      if (gone.signal.aborted) break;
      if (!res.write(chunk)) await drain();
    }
    if (!gone.signal.aborted) res.end();
  } catch (error) {
    // Nobody is left to answer; leaving the loop has already ended the stream (and its cursor).
    if (gone.signal.aborted) return;
    // Nothing was sent yet: the error handler answers instead, without the file's headers.
    if (!res.headersSent) for (const name of ['Content-Disposition', ...Object.keys(file.headers ?? {})]) res.removeHeader(name);
    throw error;
  } finally {
    res.off('close', onClose);
    if (gone.signal.aborted && 'destroy' in file.body && typeof file.body.destroy === 'function') file.body.destroy();
  }
}
