import { describe, expect, it } from 'vitest';
import { DUPLICATE_SIMILARITY } from './quality-checks';
import { computeDiceSimilarity, maxDiceSimilarity } from './text-similarity';

/** Both argument orders: the score must not depend on which text is the result and which the summary. */
const bothWays = (a: string, b: string) => [computeDiceSimilarity(a, b), computeDiceSimilarity(b, a)];

describe('computeDiceSimilarity', () => {
  it('when a text is empty, then it is similar only to another empty text (never NaN)', () => {
    // Arrange
    const empty = '';

    // Act
    const againstShort = bothWays(empty, 'ผล');
    const againstLong = bothWays(empty, 'มีคู่มือการใช้ทรัพย์สิน');

    // Assert
    expect(againstShort).toEqual([0, 0]);
    expect(againstLong).toEqual([0, 0]);
    expect(computeDiceSimilarity(empty, empty)).toBe(1);
  });

  it('when a text is a single character, then it is similar only to the same character', () => {
    expect(computeDiceSimilarity('ก', 'ก')).toBe(1);
    expect(bothWays('ก', 'ข')).toEqual([0, 0]);
    expect(bothWays('ก', 'กข')).toEqual([0, 0]);
  });

  it('when a two-character text is compared, then its one character pair counts like any other', () => {
    // "ผล" shares its pair with the first of the four pairs of "ผลการ": 2 × 1 / (1 + 4).
    expect(bothWays('ผล', 'ผลการ')).toEqual([0.4, 0.4]);
    expect(bothWays('ผล', 'ผล')).toEqual([1, 1]);
  });

  it('when only the pairs in the middle and at the end are shared, then they count (the first character is not special)', () => {
    // "abc" has ab, bc; "xab" has xa, ab: one shared pair of four.
    expect(bothWays('abc', 'xab')).toEqual([0.5, 0.5]);
    expect(bothWays('กขค', 'งกข')).toEqual([0.5, 0.5]);
  });

  it('when a text repeats a phrase, then each repeated pair counts only as often as the other text has it', () => {
    // "จัดประชุม" twice has 17 pairs; once has 8; the 8 of the single copy are shared: 2 × 8 / 25.
    expect(bothWays('จัดประชุมจัดประชุม', 'จัดประชุม')).toEqual([0.64, 0.64]);
  });

  it('when the same phrases are written in another order, then the texts still count as the same text', () => {
    const [forwards, backwards] = bothWays('ประชุมคณะทำงาน', 'คณะทำงานประชุม');

    expect(forwards).toBe(backwards);
    expect(forwards).toBeGreaterThanOrEqual(DUPLICATE_SIMILARITY);
    expect(forwards).toBeLessThan(1);
  });
});

describe('maxDiceSimilarity', () => {
  it('when the shorter text is part of the longer one, then the bound is the similarity itself', () => {
    // The five pairs of "ประชุม" are all among the eight of "ประชุมคณะ": 2 × 5 / 13.
    expect(computeDiceSimilarity('ประชุม', 'ประชุมคณะ')).toBe(maxDiceSimilarity(6, 9));
  });

  it('when texts of many lengths and contents are compared, then no similarity is above the bound for their lengths', () => {
    // Arrange: texts cut from a Thai sentence at every length, with a word repeated to vary the pairs.
    const source = 'จัดประชุมคณะทำงานจัดทำคู่มือการใช้ทรัพย์สินของทางราชการจัดประชุม';
    const texts = Array.from({ length: source.length - 1 }, (_, index) => source.slice(index % 7, (index % 7) + index + 2));

    // Act
    const above = texts.flatMap((a) =>
      texts.filter((b) => computeDiceSimilarity(a, b) > maxDiceSimilarity(a.length, b.length) + 1e-12).map((b) => [a, b]),
    );

    // Assert
    expect(texts.length).toBeGreaterThan(50);
    expect(above).toEqual([]);
  });
});
