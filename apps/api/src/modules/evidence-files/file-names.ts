/**
 * A file name as people gave it, made safe to store, show and send back (ADR 015): the last path
 * segment only, NFC, no control or reserved characters, no leading dots, at most 120 characters,
 * ending in the extension of the type sniffed from the bytes (never the one it was sent with).
 */
export function sanitiseFileName(raw: string, extension: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  let base = lastSegment
    .normalize('NFC')
    // Control characters (C0, DEL, C1: Unicode's Cc), bidi overrides and the characters Windows refuses in names.
    .replace(/\p{Cc}|[\u202a-\u202e\u2066-\u2069<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const dot = base.lastIndexOf('.');
  if (dot > 0) base = base.slice(0, dot);
  base = base.replace(/[.\s]+$/, '');
  if (!base) base = 'file';
  return `${[...base].slice(0, 120).join('')}.${extension}`;
}

/** The ASCII stand-in of a name, for clients that do not read `filename*` (RFC 6266). */
export const asciiFileName = (name: string): string => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

/** `attachment; filename="…"; filename*=UTF-8''…`: the name survives every browser, and cannot break the header. */
export const attachmentDisposition = (name: string, disposition: 'attachment' | 'inline' = 'attachment'): string =>
  `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
