import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureCopyDetector, type CopyDetectorAccuracy } from '../../../../../scripts/national/copy-accuracy';
import { withClient } from '../../../../../scripts/national/database';
import { ensureNationalData } from '../../../../../scripts/national/generate';
import { rootDb } from '../../lib/db';
import { usePrivateDatabase, serverUrlOf, type PrivateDatabase } from '../../../test/private-database';
import { copyWarnings } from './similarity.service';

/**
 * The copy detector against the truth the national generator plants (scripts/national/copies.ts), on
 * a small generated data set of its own (scale 0.02: about 230 agencies, 1,100 plans). The national
 * figures are in docs/performance.md (`pnpm bench` writes them); these thresholds hold at every scale.
 */
const SCALE = 0.02;
let database: PrivateDatabase;
let accuracy: CopyDetectorAccuracy;

beforeAll(async () => {
  database = await usePrivateDatabase('copytruth');
  const url = new URL(database.url);
  await ensureNationalData(
    { url: database.url, name: database.name, serverUrl: serverUrlOf(database.url), embedded: undefined, stop: async () => undefined },
    { seed: 7, scale: SCALE, reset: false, log: () => undefined },
  );
  process.env.DATABASE_URL = url.toString();
  accuracy = await withClient(database.url, (client) => measureCopyDetector(client, (plan) => copyWarnings(rootDb(), plan)));
}, 300_000);

afterAll(async () => {
  await database?.drop();
});

describe('copy detector precision and recall (ADR 014)', () => {
  it("when the generator planted copies of other agencies' results, then the detector flags them with precision ≥ 0.95 and recall ≥ 0.9", () => {
    expect(accuracy.planted).toBeGreaterThan(20);
    expect(accuracy.precision, JSON.stringify(accuracy)).toBeGreaterThanOrEqual(0.95);
    expect(accuracy.recall, JSON.stringify(accuracy)).toBeGreaterThanOrEqual(0.9);
  });

  it("when a copy left the source's name in or replaced it with its own, then both are found", () => {
    expect(accuracy.recallByVariant.verbatim.planted).toBeGreaterThan(5);
    expect(accuracy.recallByVariant.renamed.planted).toBeGreaterThan(5);
    expect(accuracy.recallByVariant.verbatim.found / accuracy.recallByVariant.verbatim.planted).toBeGreaterThanOrEqual(0.9);
    expect(accuracy.recallByVariant.renamed.found / accuracy.recallByVariant.renamed.planted).toBeGreaterThanOrEqual(0.9);
  });
});
