import { clientOf, type Db } from '../../lib/db';

/** One round trip to the database; rejects when it does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await clientOf(db).$queryRaw`SELECT 1`;
}
