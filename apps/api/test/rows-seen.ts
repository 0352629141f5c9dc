import { onRows } from '../src/lib/sql';

/**
 * Every row the database sent to `lib/sql.ts` while `act` ran, as json text: a test that proves a
 * scope is applied inside the SQL asserts that another tenant's ids never appear in it (not merely
 * that the response left them out).
 */
export async function rowsSeenDuring<T>(act: () => Promise<T>): Promise<{ result: T; rowsText: string; statements: number }> {
  const seen: unknown[] = [];
  let statements = 0;
  const stop = onRows((_statement, rows) => {
    statements += 1;
    seen.push(...rows);
  });
  try {
    const result = await act();
    return { result, rowsText: JSON.stringify(seen), statements };
  } finally {
    stop();
  }
}
