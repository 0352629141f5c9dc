// pnpm data:national [--quick] [--seed N] [--reset]: load the deterministic national data set into
// DATABASE_URL, or into an embedded PostgreSQL in .tmp/bench/pg (docs/performance.md).
import { parseArgs } from 'node:util';
import { openDatabase, withClient } from './national/database';
import { ensureNationalData } from './national/generate';
import { formatSummary, summariseDataset } from './national/summary';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    reset: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not ${values.seed}`);

const log = (line: string) => process.stdout.write(`${line}\n`);
const database = await openDatabase(values.quick, log);
try {
  await ensureNationalData(database, { seed, scale: values.quick ? 0.05 : 1, reset: values.reset, log });
  log(formatSummary(await withClient(database.url, summariseDataset)));
} finally {
  await database.stop();
}
