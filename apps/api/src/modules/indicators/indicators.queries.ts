import type { Codebook } from '@prongsai/shared';
import { clientOf, rootDb, type Db } from '../../lib/db';

/** OIT indicator codebooks: national reference data (no tenant scope; writes are checked by the service). */

export async function listCodebooks(): Promise<{ fiscalYear: number; note: string | null; itemCount: number }[]> {
  const books = await clientOf(rootDb()).indicatorCodebook.findMany({
    orderBy: { fiscalYear: 'desc' },
    include: { _count: { select: { items: true } } },
  });
  return books.map((book) => ({ fiscalYear: book.fiscalYear, note: book.note, itemCount: book._count.items }));
}

/** A fiscal year's codebook with its items (in stored order), or null. */
export async function findCodebook(fiscalYear: number): Promise<Codebook | null> {
  const book = await clientOf(rootDb()).indicatorCodebook.findUnique({ where: { fiscalYear }, include: { items: true } });
  if (!book) return null;
  return {
    fiscalYear: book.fiscalYear,
    note: book.note,
    items: book.items.map((item) => ({
      fiscalYear: item.fiscalYear,
      code: item.code,
      group: item.group,
      titleTh: item.titleTh,
      titleEn: item.titleEn,
      confidence: item.confidence,
    })),
  };
}

/** Replace a fiscal year's codebook items; answers how many items it had before. */
export async function replaceCodebook(
  db: Db,
  fiscalYear: number,
  note: string | null,
  items: { code: string; title: string; group: string }[],
): Promise<{ before: number }> {
  const client = clientOf(db);
  const before = await client.indicatorItem.count({ where: { fiscalYear } });
  await client.indicatorCodebook.upsert({ where: { fiscalYear }, create: { fiscalYear, note }, update: { note } });
  await client.indicatorItem.deleteMany({ where: { fiscalYear } });
  await client.indicatorItem.createMany({
    data: items.map((item) => ({ fiscalYear, code: item.code, group: item.group, titleTh: item.title, confidence: 'official' as const })),
  });
  return { before };
}
