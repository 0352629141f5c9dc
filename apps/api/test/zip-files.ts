import zlib from 'node:zlib';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';

export interface ZipEntryInput {
  name: string;
  data: Uint8Array;
  /** The uncompressed size written in the headers; defaults to the true size (a zip bomb may lie). */
  declaredSize?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A zip archive written by hand (deflated entries, no zip64), so that tests can build what no zip
 * library writes: archives that inflate a thousandfold and headers that lie about their sizes.
 */
export function buildZip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = zlib.deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A real Word document (made with `docx`) whose document.xml gets `paddingBytes` spaces before `</w:body>`
 * (valid XML whitespace, so mammoth would read all of it). `lie` writes the original, small size in the headers.
 */
export async function buildPaddedDocx(paddingBytes: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const document = new Document({ sections: [{ children: [new Paragraph('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖')] }] });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  const entries: ZipEntryInput[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const data = await file.async('uint8array');
    if (file.name !== 'word/document.xml') {
      entries.push({ name: file.name, data });
      continue;
    }
    const xml = Buffer.from(data).toString('utf8');
    const at = xml.lastIndexOf('</w:body>');
    const padded = Buffer.concat([Buffer.from(xml.slice(0, at)), Buffer.alloc(paddingBytes, 0x20), Buffer.from(xml.slice(at))]);
    entries.push({ name: file.name, data: padded, declaredSize: options.lie ? data.length : undefined });
  }
  return buildZip(entries);
}
