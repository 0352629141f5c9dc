/**
 * The text of an uploaded .txt/.csv file: UTF-8 (with or without BOM), UTF-16 with a BOM (Word's
 * "Unicode text"), or, when the bytes are not valid UTF-8, the legacy Thai code page Windows-874
 * (a superset of TIS-620) that older Thai Windows tools still write.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}
