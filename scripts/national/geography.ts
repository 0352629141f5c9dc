import type { ThaiGeography } from '../../apps/api/src/db/seed-data/geography';
import { DISTRICTS, PROVINCES } from '../../apps/api/src/db/seed-data/provinces';
import type { PlaceName } from './thai-names';

/**
 * Province profiles: the number of districts (อำเภอ, 878 in all: exact DOPA counts; the districts
 * themselves now come from the reference data, so only Bangkok's 0 is read) and of local
 * governments (อปท., approximate counts from DLA lists, scaled to the national total). Bangkok is
 * one special agency and has no อำเภอ.
 */
const PROFILES: Record<number, [districts: number, localGovernments: number]> = {
  10: [0, 1],
  11: [6, 49],
  12: [6, 46],
  13: [7, 64],
  14: [16, 158],
  15: [7, 72],
  16: [11, 123],
  17: [6, 41],
  18: [8, 63],
  19: [13, 108],
  20: [11, 99],
  21: [8, 67],
  22: [10, 77],
  23: [7, 43],
  24: [11, 105],
  25: [7, 65],
  26: [4, 45],
  27: [9, 68],
  30: [32, 333],
  31: [23, 208],
  32: [17, 172],
  33: [22, 206],
  34: [25, 241],
  35: [9, 88],
  36: [16, 141],
  37: [7, 63],
  38: [8, 62],
  39: [6, 66],
  40: [26, 225],
  41: [20, 178],
  42: [14, 100],
  43: [9, 65],
  44: [13, 142],
  45: [20, 203],
  46: [18, 151],
  47: [18, 140],
  48: [12, 103],
  49: [7, 53],
  50: [25, 211],
  51: [8, 58],
  52: [13, 100],
  53: [9, 78],
  54: [8, 82],
  55: [15, 99],
  56: [9, 70],
  57: [18, 143],
  58: [7, 45],
  60: [15, 143],
  61: [8, 65],
  62: [11, 93],
  63: [9, 66],
  64: [9, 86],
  65: [9, 102],
  66: [12, 96],
  67: [11, 126],
  70: [10, 104],
  71: [13, 111],
  72: [10, 121],
  73: [7, 114],
  74: [3, 40],
  75: [3, 36],
  76: [8, 91],
  77: [8, 62],
  80: [23, 185],
  81: [8, 61],
  82: [8, 51],
  83: [3, 19],
  84: [19, 137],
  85: [5, 30],
  86: [8, 78],
  90: [16, 141],
  91: [7, 41],
  92: [10, 100],
  93: [11, 73],
  94: [12, 113],
  95: [8, 64],
  96: [13, 88],
};

/** Provinces of the 30 city municipalities (เทศบาลนคร); a province appears once per city. */
const NAKHON_PROVINCES = [
  30, 40, 41, 34, 50, 57, 65, 60, 52, 90, 90, 84, 84, 80, 83, 92, 95, 21, 20, 20, 11, 12, 12, 13, 74, 73, 14, 63, 47, 22,
];

/** National totals to size for (docs: ~7,850 local governments). */
export const NATIONAL = { localGovernments: 7_848, municipalities: 2_470, nakhon: 30, mueang: 190, pao: 76, special: 2 } as const;

export interface Province {
  id: number;
  nameTh: string;
  nameEn: string;
}

export interface District {
  id: number;
  provinceId: number;
  nameTh: string;
  nameEn: string | null;
  /** Romanised name, for web hosts. */
  place: PlaceName;
  /** Its real subdistricts (ตำบล), which SAOs and subdistrict municipalities are named after. */
  subdistricts: PlaceName[];
}

export interface ProvincePlan {
  province: Province;
  districts: District[];
  pao: number;
  special: number;
  nakhon: number;
  mueang: number;
  tambon: number;
  sao: number;
}

export const provinces = (): Province[] => PROVINCES.map(([id, nameTh, nameEn]) => ({ id, nameTh, nameEn }));

/** Share `total` out in proportion to `weights` (largest remainder), each at least `floor`. */
export function apportion(total: number, weights: number[], floor = 0): number[] {
  const base = weights.map(() => floor);
  const rest = total - floor * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (sum === 0 ? 0 : (weight * rest) / sum));
  const whole = exact.map(Math.floor);
  let left = rest - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (const [, index] of order) {
    if (left <= 0) break;
    whole[index]! += 1;
    left -= 1;
  }
  return base.map((value, index) => value + whole[index]!);
}

/**
 * Every district of the reference data (the real ones, thai-address-universal; ADR 019) with its real
 * subdistricts, in code order; the demo provinces' seeded districts keep their names. Bangkok's
 * เขต are left out: Bangkok is one special agency.
 */
export function buildDistricts(geography: ThaiGeography): District[] {
  const seeded = new Map(DISTRICTS.map(([id, provinceId, nameTh, nameEn]) => [id, { id, provinceId, nameTh, nameEn }]));
  const subdistricts = new Map<number, PlaceName[]>();
  for (const subdistrict of geography.subdistricts) {
    const list = subdistricts.get(subdistrict.districtId) ?? [];
    list.push({ th: subdistrict.nameTh, en: subdistrict.nameEn });
    subdistricts.set(subdistrict.districtId, list);
  }
  return geography.districts
    .filter((district) => PROFILES[district.provinceId]![0] > 0)
    .map((district) => {
      const { id, provinceId, nameTh, nameEn } = seeded.get(district.id) ?? district;
      return { id, provinceId, nameTh, nameEn, place: { th: nameTh, en: nameEn }, subdistricts: subdistricts.get(id) ?? [] };
    });
}

/**
 * How many local governments of each kind each province gets, for a data set `scale` times the
 * national one (1 = full, 0.05 = --quick): one PAO per province (Bangkok and Pattaya are the two
 * special ones), city municipalities where the big cities are, at least one town municipality a
 * province, subdistrict municipalities and SAOs in proportion to the province's size.
 */
export function planProvinces(districts: District[], scale: number): ProvincePlan[] {
  const full = scale >= 1;
  const all = provinces();
  // Bangkok (weight 0) keeps its floor of one agency whatever the scale; the rest goes by size.
  const shared = apportion(
    Math.round(NATIONAL.localGovernments * scale),
    all.map((province) => (province.id === 10 ? 0 : PROFILES[province.id]![1])),
    1,
  );
  const sizes = shared.map((size, index) => (all[index]!.id === 10 ? 1 : size));
  const fixed = all.map((province) => {
    const isBangkok = province.id === 10;
    return {
      pao: isBangkok ? 0 : 1,
      special: isBangkok || province.id === 20 ? 1 : 0,
      nakhon: full ? NAKHON_PROVINCES.filter((id) => id === province.id).length : 0,
    };
  });
  const local = fixed.map((kinds, index) => Math.max(0, sizes[index]! - kinds.pao - kinds.special - kinds.nakhon));
  const mueangFloor = full ? 1 : 0;
  const withTowns = all.map((province) => province.id !== 10);
  const mueangShared = apportion(
    Math.round(NATIONAL.mueang * scale) - mueangFloor * withTowns.filter(Boolean).length,
    local.map((count, index) => (withTowns[index] ? count : 0)),
  );
  const mueang = mueangShared.map((count, index) => Math.min(local[index]!, withTowns[index] ? count + mueangFloor : 0));
  const tambonTotal = Math.round((NATIONAL.municipalities - NATIONAL.nakhon - NATIONAL.mueang) * scale);
  const tambon = apportion(
    tambonTotal,
    local.map((count, index) => count - mueang[index]!),
  );
  return all.map((province, index) => ({
    province,
    districts: districts.filter((district) => district.provinceId === province.id),
    ...fixed[index]!,
    mueang: mueang[index]!,
    tambon: Math.min(tambon[index]!, local[index]! - mueang[index]!),
    sao: Math.max(0, local[index]! - mueang[index]! - tambon[index]!),
  }));
}
