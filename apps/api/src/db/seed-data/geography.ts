import { getDistricts, getProvinces, getSubDistricts } from 'thai-address-universal';
import { PROVINCES } from './provinces';

/**
 * The real provinces, districts (อำเภอ/เขต) and subdistricts (ตำบล/แขวง) of Thailand, in Thai and
 * English with their codes and postcodes, from the `thai-address-universal` package (ISC licence;
 * ADR 019). Provinces keep the project's own list (DOPA codes and regions) and are matched to the
 * package by Thai name; districts and subdistricts come from the package.
 *
 * The package's geocodes have a few known faults: Bueng Kan is "97" with empty district codes, and
 * two district codes are given twice (5303, 5003). Those districts get their DOPA codes from
 * DISTRICT_CODE_FIXES; any other district whose code is empty, outside its province or taken is
 * left out (and counted), never guessed. Subdistrict codes are kept as given (about one in ten has
 * a stale district prefix upstream), so a subdistrict is identified by its district and Thai name.
 */

export interface GeoDistrict {
  /** DOPA four-digit code, e.g. 4906. */
  id: number;
  provinceId: number;
  nameTh: string;
  nameEn: string;
}

export interface GeoSubdistrict {
  districtId: number;
  nameTh: string;
  nameEn: string;
  /** The six-digit geocode as the package gives it (not always under its district's code). */
  code: string | null;
  /** Postcodes, most often one. */
  postcodes: string[];
}

export interface ThaiGeography {
  districts: GeoDistrict[];
  subdistricts: GeoSubdistrict[];
  /** Districts of the package left out because their code could not be trusted. */
  skippedDistricts: string[];
}

/** DOPA codes of districts whose code the package gets wrong, by province id and Thai name. */
const DISTRICT_CODE_FIXES: Record<number, Record<string, number>> = {
  38: {
    เมืองบึงกาฬ: 3801,
    พรเจริญ: 3802,
    โซ่พิสัย: 3803,
    เซกา: 3804,
    ปากคาด: 3805,
    บึงโขงหลง: 3806,
    ศรีวิไล: 3807,
    บุ่งคล้า: 3808,
  },
  50: { แม่แจ่ม: 5003, กัลยาณิวัฒนา: 5025 },
  53: { ท่าปลา: 5303, น้ำปาด: 5304 },
};

let cached: Promise<ThaiGeography> | undefined;

/** Every district and subdistrict, in a stable order (by code, then name). Loaded once per process. */
export function loadThaiGeography(): Promise<ThaiGeography> {
  cached ??= load();
  return cached;
}

async function load(): Promise<ThaiGeography> {
  const provinceByName = new Map(PROVINCES.map(([id, nameTh]) => [nameTh, id]));
  const packageProvinces = await getProvinces();
  const districts: (GeoDistrict & { lookup: string })[] = [];
  const skippedDistricts: string[] = [];
  const taken = new Set<number>();
  for (const province of packageProvinces) {
    const provinceId = provinceByName.get(province.nameTh);
    if (provinceId === undefined) throw new Error(`thai-address-universal: unknown province ${province.nameTh}`);
    const entries = await getDistricts(province.code);
    const codeCounts = new Map<string, number>();
    for (const entry of entries) codeCounts.set(entry.code, (codeCounts.get(entry.code) ?? 0) + 1);
    for (const entry of entries) {
      const fixed = DISTRICT_CODE_FIXES[provinceId]?.[entry.nameTh];
      const given = /^\d{4}$/.test(entry.code) && codeCounts.get(entry.code) === 1 ? Number(entry.code) : undefined;
      const id = fixed ?? given;
      if (id === undefined || Math.floor(id / 100) !== provinceId || taken.has(id)) {
        skippedDistricts.push(`${province.nameTh}/${entry.nameTh} (${entry.code || 'no code'})`);
        continue;
      }
      taken.add(id);
      // A district whose code is unreliable is looked up by its Thai name (unique among those few).
      const lookup = given !== undefined ? entry.code : entry.nameTh;
      districts.push({ id, provinceId, nameTh: entry.nameTh, nameEn: entry.nameEn, lookup });
    }
  }
  districts.sort((a, b) => a.id - b.id);

  const subdistricts: GeoSubdistrict[] = [];
  for (const district of districts) {
    const byName = new Map<string, GeoSubdistrict>();
    for (const entry of await getSubDistricts(district.lookup)) {
      const existing = byName.get(entry.nameTh);
      const postcode = entry.postalCode ?? '';
      if (existing) {
        if (postcode && !existing.postcodes.includes(postcode)) existing.postcodes.push(postcode);
        continue;
      }
      byName.set(entry.nameTh, {
        districtId: district.id,
        nameTh: entry.nameTh,
        nameEn: entry.nameEn,
        code: /^\d{6}$/.test(entry.code) ? entry.code : null,
        postcodes: postcode ? [postcode] : [],
      });
    }
    const rows = [...byName.values()];
    rows.forEach((row) => row.postcodes.sort());
    rows.sort((a, b) => (a.code ?? '999999').localeCompare(b.code ?? '999999') || a.nameTh.localeCompare(b.nameTh, 'th'));
    subdistricts.push(...rows);
  }
  return {
    districts: districts.map(({ lookup: _lookup, ...district }) => district),
    subdistricts,
    skippedDistricts,
  };
}
