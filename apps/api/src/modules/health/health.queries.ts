import { clientOf, rootDb } from '../../lib/db';
import { queryRow, sql } from '../../lib/sql';

/** One round trip to the database: resolves when it answers, rejects when it does not. */
export async function pingDatabase(): Promise<void> {
  await queryRow(clientOf(rootDb()), sql`SELECT 1 AS ok`);
}
