import type { Readable } from 'node:stream';

/**
 * A file a service produces (an export, a report): what it is called, what it is and its bytes, as
 * a buffer or as a stream that is read only while the client keeps up. Routes send it with
 * `http/send-file.ts`; services never see the HTTP response.
 */
export interface FileResponse {
  fileName: string;
  contentType: string;
  body: Buffer | Readable | AsyncIterable<string | Uint8Array>;
  /** Saved as a file (the default) or shown in the browser (an HTML report). */
  disposition?: 'attachment' | 'inline';
  /** Extra headers a file carries (cache validators, inline display). */
  headers?: Record<string, string>;
}
