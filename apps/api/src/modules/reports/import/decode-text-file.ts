export type TextFileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-874';

/**
 * The text of an uploaded .txt/.csv file and the encoding it was read in: UTF-8 (with or without BOM),
 * UTF-16 LE/BE with a BOM (Word's "Unicode text"), or, when the bytes are not valid UTF-8, the legacy
 * Thai code page Windows-874 (a superset of TIS-620) that older Thai Windows tools still write. Only
 * the last is a guess: every byte is valid Windows-874, so nothing proves it.
 */
export function readTextFile(bytes: Uint8Array): { text: string; encoding: TextFileEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-874').decode(bytes), encoding: 'windows-874' };
  }
}

/** The text of an uploaded .txt/.csv file (see readTextFile). */
export function decodeTextFile(bytes: Uint8Array): string {
  return readTextFile(bytes).text;
}
