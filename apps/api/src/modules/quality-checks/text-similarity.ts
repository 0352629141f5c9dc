function countBigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = Array.from(text);
  for (let index = 0; index < chars.length - 1; index++) {
    const bigram = chars[index]! + chars[index + 1]!;
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  return counts;
}

/**
 * Sørensen–Dice coefficient over character bigrams (as a multiset), 0–1. Character bigrams suit
 * Thai, which has no spaces between words. Texts shorter than two characters compare by equality.
 */
export function computeDiceSimilarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const left = countBigrams(a);
  const right = countBigrams(b);
  let shared = 0;
  for (const [bigram, count] of left) shared += Math.min(count, right.get(bigram) ?? 0);
  const total = Array.from(a).length - 1 + (Array.from(b).length - 1);
  return (2 * shared) / total;
}

/**
 * The most `computeDiceSimilarity` can be for texts of these lengths in characters (at least two
 * each): every bigram of the shorter text shared. Lengths in UTF-16 units serve for texts without
 * surrogate pairs (Thai, Latin, digits: what `normaliseForComparison` leaves).
 */
export function maxDiceSimilarity(lengthA: number, lengthB: number): number {
  return (2 * (Math.min(lengthA, lengthB) - 1)) / (lengthA - 1 + (lengthB - 1));
}
