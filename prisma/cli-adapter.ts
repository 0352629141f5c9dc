import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';

/**
 * The driver adapter the Prisma CLI uses with its WebAssembly schema engine (engine: "js"),
 * used only to author migrations (`pnpm db:new-migration`). It carries the three work-arounds
 * measured in shared/machine-notes.md; see docs/decisions/002-migrations.md. The app itself
 * never goes through this file.
 */

// A. adapter-pg cannot decode the catalog types `name` and `"char"` the schema engine reads:
//    present them (and their arrays) as text.
const CATALOG_TYPES_AS_TEXT = new Map([
  [19, 25],
  [18, 25],
  [1003, 1009],
  [1002, 1009],
]);

interface FieldsResult {
  fields?: { dataTypeID: number }[];
}

function asText<T>(result: T): T {
  for (const field of (result as FieldsResult | undefined)?.fields ?? []) {
    field.dataTypeID = CATALOG_TYPES_AS_TEXT.get(field.dataTypeID) ?? field.dataTypeID;
  }
  return result;
}

class CatalogAsTextClient extends pg.Client {
  // pg's overloads (promise and callback forms) are impractical to restate; both are handled.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: Error | null, result: unknown) => last(error, asText(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return pending instanceof Promise ? pending.then(asText) : pending;
  }
}

async function dropDatabase(config: pg.ClientConfig, database: string) {
  const admin = new pg.Client(config);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

class CliPrismaPg extends PrismaPg {
  constructor(private readonly clientConfig: pg.ClientConfig) {
    super({ ...clientConfig, Client: CatalogAsTextClient } as pg.PoolConfig);
  }

  // C. The built-in shadow database is dropped before its pool is closed, so the drop fails:
  //    close first, then drop.
  override async connectToShadowDb() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = new pg.Client(this.clientConfig);
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    const shadow = await new CliPrismaPg({ ...this.clientConfig, database }).connect();
    const close = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await close();
      await dropDatabase(this.clientConfig, database);
    };
    return shadow;
  }
}

export function createCliAdapter(connectionString: string) {
  // B. With `connectionString`, pg ignores a separate `database`, and the shadow database
  //    connection would point at the main database: pass the URL's parts instead.
  return new CliPrismaPg(parseIntoClientConfig(connectionString) as pg.ClientConfig);
}
