import type pg from 'pg';

/**
 * Bulk loading without COPY: one INSERT … SELECT FROM unnest($1::type[], $2::type[], …) per batch,
 * one array parameter per column. PostgreSQL plans it once and reads the arrays row by row, so a
 * batch of thousands of rows costs one round trip and no per-row SQL text.
 */
export interface Column<Row> {
  name: string;
  /** PostgreSQL element type of the array parameter: uuid, int4, text, date, timestamp, bool, numeric. */
  type: string;
  /** A cast applied in the SELECT list (enums, text[] from array literals, jsonb). */
  cast?: string;
  value: (row: Row) => unknown;
}

export interface TableSpec<Row> {
  table: string;
  columns: Column<Row>[];
  /** Appended to the statement, e.g. `ON CONFLICT DO NOTHING`. */
  onConflict?: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function statement<Row>(spec: TableSpec<Row>): string {
  const names = spec.columns.map((column) => quote(column.name)).join(', ');
  const params = spec.columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ');
  const aliases = spec.columns.map((_, index) => `c${index}`);
  const select = spec.columns.map((column, index) => (column.cast ? `c${index}::${column.cast}` : `c${index}`)).join(', ');
  return `INSERT INTO ${quote(spec.table)} (${names}) SELECT ${select} FROM unnest(${params}) AS u(${aliases.join(', ')}) ${spec.onConflict ?? ''}`;
}

/**
 * Insert `rows` in batches of `batchSize`; returns how many rows the database took. About a
 * thousand rows a statement is fastest here: much larger array parameters load slower, not faster.
 */
export async function bulkInsert<Row>(client: pg.ClientBase, spec: TableSpec<Row>, rows: Row[], batchSize = 1_000): Promise<number> {
  const sql = statement(spec);
  let inserted = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params = spec.columns.map((column) => batch.map(column.value));
    const result = await client.query(sql, params);
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/** A PostgreSQL array literal for a text[] column: unnest() cannot take an array of arrays. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
