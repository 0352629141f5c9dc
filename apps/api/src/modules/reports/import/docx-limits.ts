import JSZip from 'jszip';
import { AppError } from '../../../lib/app-error';

/**
 * What a .docx may unpack to before mammoth sees it. A Word report of a few hundred measures unpacks to a
 * few MB; a zip bomb of 460 KB unpacked to 450 MB and took 1.9 GB of memory in mammoth (issue 12, item 2).
 */
export const DOCX_LIMITS = {
  /** Every entry's bytes once inflated, summed. */
  maxInflatedBytes: 50 * 1024 * 1024,
  /** Files and folders in the archive. */
  maxEntries: 2_000,
};
export type DocxLimits = typeof DOCX_LIMITS;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

function limitError(issue: 'too_many_entries' | 'inflated_too_large', limits: DocxLimits): AppError {
  const [message, detail] =
    issue === 'too_many_entries'
      ? [
          `ไฟล์ .docx มีส่วนประกอบเกิน ${limits.maxEntries.toLocaleString('en-US')} รายการ ซึ่งเกินขีดจำกัดของระบบ จึงไม่อ่านไฟล์นี้`,
          `the archive has more than ${limits.maxEntries} entries`,
        ]
      : [
          `ไฟล์ .docx เมื่อแตกไฟล์แล้วมีขนาดเกิน ${megabytes(limits.maxInflatedBytes)} ซึ่งเกินขีดจำกัดของระบบ จึงไม่อ่านไฟล์นี้`,
          `the archive inflates to more than ${megabytes(limits.maxInflatedBytes)}`,
        ];
  const [reason, params] =
    issue === 'too_many_entries'
      ? (['archiveEntries', { maximum: limits.maxEntries }] as const)
      : (['archiveInflated', { megabytes: Math.round(limits.maxInflatedBytes / (1024 * 1024)) }] as const);
  return new AppError('ARCHIVE_LIMIT_EXCEEDED', message, {
    reason,
    params,
    issues: [{ path: 'body.content', message: detail, code: issue }],
  });
}

/**
 * The size an entry's header declares (jszip keeps it in the entry's private `_data`, its CompressedObject).
 * Headers can lie, so this is only the cheap first look; the bytes are counted while inflating below.
 */
function declaredSize(entry: JSZip.JSZipObject): number {
  const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && Number.isFinite(size) ? size : 0;
}

/** Inflate one entry, counting its bytes and keeping none; stops as soon as `budget` is passed. */
function countInflatedBytes(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // jszip's Node stream (readable-stream 2): once paused and no longer read, jszip stops inflating.
    const stream = entry.nodeStream('nodebuffer');
    let bytes = 0;
    const stop = () => {
      stream.pause();
      stream.removeAllListeners('data');
    };
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > budget) {
        stop();
        resolve(bytes);
      }
    });
    stream.on('error', (error) => {
      stop();
      reject(error);
    });
    stream.on('end', () => resolve(bytes));
  });
}

/**
 * Refuse a .docx whose archive is too big to unpack safely: too many entries, declared sizes over the
 * limit, or (declared sizes can lie) more bytes actually inflated than the limit. Read with jszip, the
 * same reader mammoth uses, so both see the same entries. Bytes that are not a zip pass: mammoth then
 * reports the file as unreadable.
 */
export async function assertDocxWithinLimits(buffer: Buffer, limits: DocxLimits = DOCX_LIMITS): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    return;
  }
  const entries = Object.values(zip.files);
  if (entries.length > limits.maxEntries) throw limitError('too_many_entries', limits);
  const files = entries.filter((entry) => !entry.dir);
  const declared = files.reduce((sum, entry) => sum + declaredSize(entry), 0);
  if (declared > limits.maxInflatedBytes) throw limitError('inflated_too_large', limits);
  let inflated = 0;
  for (const entry of files) {
    inflated += await countInflatedBytes(entry, limits.maxInflatedBytes - inflated);
    if (inflated > limits.maxInflatedBytes) throw limitError('inflated_too_large', limits);
  }
}
