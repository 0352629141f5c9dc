import { createHash } from 'node:crypto';
import { getPool, getPrisma, Prisma, type Tx } from './prisma';
import { requestContext } from './request-context';
import { GuardFailedError, UnconfirmedSessionError, type StatementGuard } from './statement-guard';

export { GuardFailedError, UnconfirmedSessionError, type StatementGuard } from './statement-guard';

/**
 * The one SQL idiom of the API (ADR 008): statements are `sql` tagged templates (Prisma's, so a
 * value is always a parameter and fragments compose with `join` and `empty`), run by `queryRows` /
 * `queryRow` from `*.queries.ts` files only. A statement gets the same JS values whichever way it runs:
 * straight on the `pg` pool (the process's client: one round trip, no ORM layer) or inside the
 * caller's Prisma transaction (so it sees that transaction's writes). `lib/sql.test.ts` proves it for
 * every column type the queries may return: text, uuid, int4, bool, float8, json(b), arrays,
 * timestamp(3), timestamptz and date. int8 and numeric differ between the two (string vs BigInt /
 * Decimal): cast counts with `::int` and ratios with `::float8`. Parameters are cast where PostgreSQL
 * cannot infer their type (`${id}::uuid`), because Prisma sends raw parameters typed.
 */
export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;
export const empty = Prisma.empty;

/**
 * Rows as a statement returns them, for tests that prove a scope is applied inside the SQL: a
 * listener sees every row the database sent, before any code could filter it.
 */
type RowsListener = (statement: Sql, rows: readonly unknown[]) => void;
const listeners = new Set<RowsListener>();
export function onRows(listener: RowsListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface QueryOptions {
  /**
   * Makes it a prepared statement on the pool (hot paths): each connection parses and rewrites its
   * text once, and later runs send only the statement's name and values. The label names the statement
   * in `pg_prepared_statements`; a hash of the text is appended, so the different texts one query
   * function writes (one per kind of scope, guarded or not) are different statements.
   */
  name?: string;
  guard?: StatementGuard;
}

/**
 * At most this many texts are prepared (per process, so per pooled connection too): the hot statements
 * are a few dozen texts, and a caller who could make new texts (a search of ever more words) must not
 * grow every connection's prepared statements without end. Texts beyond it run unprepared.
 */
const MAX_NAMED_TEXTS = 200;
const statementNames = new Map<string, string>();

/** `label:hash-of-text`, remembered per text; undefined (run it unprepared) once `MAX_NAMED_TEXTS` are named. */
function statementName(label: string, text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED_TEXTS) {
    name = `${label}:${createHash('sha1').update(text).digest('base64url').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * The statement run only when the guard's condition holds, with one leading row saying whether it did.
 * `OFFSET 0` keeps the guard a subquery of its own: without it PostgreSQL pulls it up and writes the
 * condition (a join of six tables) into the plan twice, which doubled its planning time and made the
 * guarded search cost 1.6× the unguarded one (measured, docs/performance.md "Sixth session"). The second
 * `OFFSET 0` keeps `g.ok` a one-time filter in front of the statement, so it never runs for a failed guard.
 */
const guarded = (statement: Sql, condition: Sql): Sql =>
  sql`SELECT g.ok AS "__guardOk", t.* FROM (SELECT (${condition}) AS ok OFFSET 0) g
      LEFT JOIN LATERAL (SELECT true AS "__guardRow", x.* FROM (${statement}) x WHERE g.ok OFFSET 0) t ON true`;

async function run(db: Tx, statement: Sql, name: string | undefined): Promise<Record<string, unknown>[]> {
  return db === getPrisma()
    ? (
        await getPool().query({
          text: statement.text,
          values: statement.values,
          name: name === undefined ? undefined : statementName(name, statement.text),
        })
      ).rows
    : await db.$queryRawUnsafe<Record<string, unknown>[]>(statement.text, ...statement.values);
}

/** The rows of one statement. */
export async function queryRows<Row>(db: Tx, statement: Sql, options: QueryOptions = {}): Promise<Row[]> {
  const { guard, name } = options;
  const held = requestContext()?.unconfirmed;
  if (held && !held.verified && guard !== held) throw new UnconfirmedSessionError();
  let rows: Record<string, unknown>[];
  if (guard && !guard.verified) {
    const wrapped = await run(db, guarded(statement, guard.condition), name && `${name}:guarded`);
    if (wrapped[0]?.__guardOk !== true) throw new GuardFailedError();
    guard.verified = true;
    rows = wrapped.filter((row) => row.__guardRow === true).map(({ __guardOk: _ok, __guardRow: _row, ...columns }) => columns);
  } else {
    rows = await run(db, statement, name);
  }
  for (const listener of listeners) listener(statement, rows);
  return rows as Row[];
}

/** The first row of a statement, or undefined. */
export async function queryRow<Row>(db: Tx, statement: Sql, options: QueryOptions = {}): Promise<Row | undefined> {
  return (await queryRows<Row>(db, statement, options))[0];
}

/** A table alias written into a statement (checked: it is code, never a value). */
export function tableAlias(name: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a table alias: ${name}`);
  return Prisma.raw(name);
}

/** A LIKE pattern starting with `text`, with LIKE's wildcards in it taken literally. */
export const prefixPattern = (text: string): string => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards in it taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A `timestamp(3)` value inside json (UTC, written without a zone) as a Date. */
export const jsonTimestamp = (value: string): Date => new Date(value.endsWith('Z') ? value : `${value}Z`);
export const jsonTimestampOrNull = (value: string | null): Date | null => (value === null ? null : jsonTimestamp(value));
/** A `date` value inside json ("2567-01-31" style ISO day) as midnight UTC, as Prisma reads `@db.Date`. */
export const jsonDateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(`${value}T00:00:00Z`));
