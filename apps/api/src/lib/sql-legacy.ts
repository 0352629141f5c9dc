import { getPool, getPrisma, type Tx } from './prisma';

/**
 * @deprecated The string-built statements of plans and measures, until those modules get their
 * `*.queries.ts` in the one idiom of `lib/sql.ts` (ADR 008). Nothing new may use this file.
 */
export async function sqlRows<T>(db: Tx, text: string, values: readonly unknown[]): Promise<T[]> {
  if (db === getPrisma()) return (await getPool().query(text, values as unknown[])).rows as T[];
  return db.$queryRawUnsafe<T[]>(text, ...values);
}

/** @deprecated see above. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** @deprecated Parameters of a statement being built: `add` returns the typed placeholder to write in the SQL. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}
