import fs from 'node:fs';
import { Readable } from 'node:stream';
import { clientOf } from '../db';
import { queryRow, queryRows, sql } from '../sql';
import type { FileStore } from './file-store';

/** The size of one stored chunk: large enough for few rows, small enough that one read holds little. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * The default store (ADR 015): a file's bytes as `StoredFileChunk` rows written in the transaction that
 * records the file, so one database backup holds everything and every replica sees the same files.
 * Writing reads the spooled file one chunk at a time; reading fetches one chunk per statement.
 */
export function postgresFileStore(): FileStore {
  return {
    kind: 'postgres',
    async put(db, key, file) {
      const client = clientOf(db);
      let seq = 0;
      for await (const chunk of fs.createReadStream(file.path, { highWaterMark: CHUNK_BYTES })) {
        await queryRows(client, sql`INSERT INTO "StoredFileChunk" (key, seq, data) VALUES (${key}::uuid, ${seq}, ${chunk as Buffer})`);
        seq += 1;
      }
    },
    async get(db, key) {
      const client = clientOf(db);
      async function* chunks() {
        for (let seq = 0; ; seq += 1) {
          const row = await queryRow<{ data: Uint8Array }>(
            client,
            sql`SELECT data FROM "StoredFileChunk" WHERE key = ${key}::uuid AND seq = ${seq}`,
          );
          if (!row) return;
          yield Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
        }
      }
      return Readable.from(chunks(), { objectMode: false });
    },
    async discard() {
      // Nothing: the chunks were written in the transaction that failed.
    },
  };
}
