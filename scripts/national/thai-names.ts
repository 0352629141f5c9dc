import type { Prng } from './prng';

/**
 * Place names for the generated districts and subdistricts: two common syllables of Thai place
 * names, with their romanisation. Real names repeat across the country in the same way
 * (บ้านใหม่, หนองบัว, โนนสูง...), which is what a substring search has to cope with.
 */
const FIRST: readonly [th: string, en: string][] = [
  ['บ้าน', 'Ban'],
  ['หนอง', 'Nong'],
  ['โนน', 'Non'],
  ['ดอน', 'Don'],
  ['นา', 'Na'],
  ['ห้วย', 'Huai'],
  ['คำ', 'Kham'],
  ['โพธิ์', 'Pho'],
  ['วัง', 'Wang'],
  ['บึง', 'Bueng'],
  ['ท่า', 'Tha'],
  ['ศรี', 'Si'],
  ['กุด', 'Kut'],
  ['ลำ', 'Lam'],
  ['ทุ่ง', 'Thung'],
  ['เขา', 'Khao'],
  ['บาง', 'Bang'],
  ['ปาก', 'Pak'],
  ['แม่', 'Mae'],
  ['หัว', 'Hua'],
  ['สระ', 'Sa'],
  ['เชียง', 'Chiang'],
  ['ไทร', 'Sai'],
  ['โคก', 'Khok'],
];

const SECOND: readonly [th: string, en: string][] = [
  ['ใหญ่', 'Yai'],
  ['น้อย', 'Noi'],
  ['แก้ว', 'Kaeo'],
  ['ทอง', 'Thong'],
  ['สูง', 'Sung'],
  ['ยาว', 'Yao'],
  ['ไผ่', 'Phai'],
  ['แดง', 'Daeng'],
  ['หลวง', 'Luang'],
  ['งาม', 'Ngam'],
  ['เจริญ', 'Charoen'],
  ['สะอาด', 'Sa-at'],
  ['พัฒนา', 'Phatthana'],
  ['บัว', 'Bua'],
  ['ม่วง', 'Muang'],
  ['ตาล', 'Tan'],
  ['ขาม', 'Kham'],
  ['กลาง', 'Klang'],
  ['ใหม่', 'Mai'],
  ['เหนือ', 'Nuea'],
  ['ใต้', 'Tai'],
  ['สว่าง', 'Sawang'],
  ['ทราย', 'Sai'],
  ['เกษม', 'Kasem'],
  ['ชัย', 'Chai'],
  ['โพธิ์', 'Pho'],
];

export interface PlaceName {
  th: string;
  en: string;
}

/** A place name not yet in `taken` (which it joins); after many tries a numbered variant. */
export function drawPlaceName(prng: Prng, taken: Set<string>): PlaceName {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const [firstTh, firstEn] = prng.pick(FIRST);
    const [secondTh, secondEn] = prng.pick(SECOND);
    const th = `${firstTh}${secondTh}`;
    if (firstTh === secondTh || taken.has(th)) continue;
    taken.add(th);
    return { th, en: `${firstEn} ${secondEn}` };
  }
  const [firstTh, firstEn] = prng.pick(FIRST);
  const [secondTh, secondEn] = prng.pick(SECOND);
  const th = `${firstTh}${secondTh}${taken.size}`;
  taken.add(th);
  return { th, en: `${firstEn} ${secondEn} ${taken.size}` };
}

/** A web host for a place name: "nongbua" from "Nong Bua". */
export const hostLabel = (name: PlaceName): string => name.en.toLowerCase().replace(/[^a-z0-9]/g, '');
