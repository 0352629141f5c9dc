import { getPool, getPrisma, type Tx } from './prisma';

/**
 * The rows of one hand-written statement: straight on the `pg` pool when `db` is the process's
 * client, or inside the caller's Prisma transaction (so it sees that transaction's writes). Hot
 * read paths use it to answer in one statement instead of Prisma's relation loads (ADR 007).
 *
 * Both paths must agree on types, so statements here return only text, int4, bool and json
 * columns (cast counts with `::int`, dates inside json); parameters are cast in the SQL
 * (`$1::uuid`), because Prisma sends raw parameters typed.
 */
export async function sqlRows<T>(db: Tx, text: string, values: readonly unknown[]): Promise<T[]> {
  if (db === getPrisma()) return (await getPool().query(text, values as unknown[])).rows as T[];
  return db.$queryRawUnsafe<T[]>(text, ...values);
}

/** A json column as an object: `pg` parses json itself; Prisma's raw path may hand back text. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A `timestamp(3)` value inside json (UTC, written without a zone) as a Date. */
export const jsonTimestamp = (value: string): Date => new Date(value.endsWith('Z') ? value : `${value}Z`);
export const jsonTimestampOrNull = (value: string | null): Date | null => (value === null ? null : jsonTimestamp(value));
/** A `date` value inside json ("2567-01-31" style ISO day) as midnight UTC, as Prisma reads `@db.Date`. */
export const jsonDateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(`${value}T00:00:00Z`));

/** Parameters of a statement being built: `add` returns the typed placeholder to write in the SQL. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards in it taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
