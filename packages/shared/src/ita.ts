/** ITA score bands. AA 95–100 is verified; the lower cut-offs follow NACC practice (unverified). */
export const ITA_BANDS = [
  { band: 'AA', min: 95 },
  { band: 'A', min: 85 },
  { band: 'B', min: 75 },
  { band: 'C', min: 65 },
  { band: 'D', min: 55 },
  { band: 'E', min: 50 },
  { band: 'F', min: 0 },
] as const;
export type ItaBand = (typeof ITA_BANDS)[number]['band'];
export const ITA_PASS_SCORE = 85;

export function itaBand(score: number): ItaBand {
  return ITA_BANDS.find((entry) => score >= entry.min)?.band ?? 'F';
}
