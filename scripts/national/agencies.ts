import type { District, Province, ProvincePlan } from './geography';
import { Prng } from './prng';
import type { AgencyRow } from './tables';
import { drawPlaceName, hostLabel, type PlaceName } from './thai-names';

export interface GeneratedAgency {
  row: AgencyRow;
  province: Province;
  place: PlaceName;
  /** Latent quality in standard deviations: better agencies publish more, complete more, score higher. */
  quality: number;
  /** The fiscal year a subdistrict municipality was upgraded from an SAO; its earlier plans were an SAO's. */
  upgradedIn: number | null;
  /** A demo agency (seeded by seedDemo) stands in for this one: it is not inserted again. */
  existing: boolean;
  /** Position in the national list: seeds this agency's own random stream. */
  index: number;
}

/** A demo agency already in the database, found by its code. */
export type ExistingAgency = Pick<
  AgencyRow,
  'id' | 'code' | 'type' | 'municipalityClass' | 'nameTh' | 'nameEn' | 'provinceId' | 'districtId' | 'website'
>;

type Kind = 'pao' | 'special' | 'nakhon' | 'mueang' | 'tambon' | 'sao';

/** DLA-style codes: kind digit, province, district number within the province, sequence. */
const KIND_DIGIT: Record<Kind, string> = { special: '1', pao: '2', nakhon: '3', mueang: '4', tambon: '5', sao: '6' };

const PREFIX: Record<Kind, string> = {
  special: '',
  pao: 'องค์การบริหารส่วนจังหวัด',
  nakhon: 'เทศบาลนคร',
  mueang: 'เทศบาลเมือง',
  tambon: 'เทศบาลตำบล',
  sao: 'องค์การบริหารส่วนตำบล',
};

const SUFFIX_EN: Record<Kind, string> = {
  special: '',
  pao: 'Provincial Administrative Organization',
  nakhon: 'City Municipality',
  mueang: 'Town Municipality',
  tambon: 'Subdistrict Municipality',
  sao: 'Subdistrict Administrative Organization',
};

const SPECIAL: Record<number, { th: string; en: string }> = {
  10: { th: 'กรุงเทพมหานคร', en: 'Bangkok Metropolitan Administration' },
  20: { th: 'เมืองพัทยา', en: 'Pattaya City' },
};

const AGENCY_TYPE: Record<Kind, Pick<AgencyRow, 'type' | 'municipalityClass'>> = {
  special: { type: 'special', municipalityClass: null },
  pao: { type: 'pao', municipalityClass: null },
  nakhon: { type: 'municipality', municipalityClass: 'nakhon' },
  mueang: { type: 'municipality', municipalityClass: 'mueang' },
  tambon: { type: 'municipality', municipalityClass: 'tambon' },
  sao: { type: 'sao', municipalityClass: null },
};

const UPGRADE_YEARS = [2565, 2566, 2567, 2568] as const;

export const SAO_PREFIX = PREFIX.sao;

/** Every local government of the data set, province by province, in a stable order. */
export function buildAgencies(provincePlans: ProvincePlan[], seed: number, existing: Map<string, ExistingAgency>): GeneratedAgency[] {
  const agencies: GeneratedAgency[] = [];
  for (const plan of provincePlans) {
    const prng = new Prng(seed, 0xa6e1, plan.province.id);
    const builder = new ProvinceBuilder(plan, prng, existing, () => agencies.length);
    for (const kind of kindsOf(plan)) agencies.push(builder.next(kind));
  }
  return agencies;
}

function kindsOf(plan: ProvincePlan): Kind[] {
  const repeat = (kind: Kind, count: number): Kind[] => Array.from({ length: count }, () => kind);
  return [
    ...repeat('special', plan.special),
    ...repeat('pao', plan.pao),
    ...repeat('nakhon', plan.nakhon),
    ...repeat('mueang', plan.mueang),
    ...repeat('tambon', plan.tambon),
    ...repeat('sao', plan.sao),
  ];
}

class ProvinceBuilder {
  private readonly taken = new Set<string>();
  private readonly sequences = new Map<string, number>();
  private readonly usedDistrictNames = new Set<number>();
  private cities = 0;

  constructor(
    private readonly plan: ProvincePlan,
    private readonly prng: Prng,
    private readonly existing: Map<string, ExistingAgency>,
    private readonly nextIndex: () => number,
  ) {
    // The demo agencies' own names are taken: no generated SAO takes the name of a seeded one.
    for (const agency of existing.values()) {
      if (agency.provinceId !== plan.province.id) continue;
      const prefix = Object.values(PREFIX).find((candidate) => candidate && agency.nameTh.startsWith(candidate)) ?? '';
      this.taken.add(agency.nameTh.slice(prefix.length));
    }
  }

  /** The real subdistricts of `district` no agency of this province is named after yet. */
  private freeSubdistricts(district: District): PlaceName[] {
    return district.subdistricts.filter((place) => !this.taken.has(place.th));
  }

  next(kind: Kind): GeneratedAgency {
    const district = this.districtFor(kind);
    const code = this.codeFor(kind, district);
    const place = this.placeFor(kind, district);
    const quality = this.prng.normal(0, 1);
    const upgradedIn = kind === 'tambon' && this.prng.chance(0.08) ? this.prng.pick(UPGRADE_YEARS) : null;
    const found = this.existing.get(code);
    const row = found ? this.fromExisting(found) : this.newRow(kind, code, place, district);
    return { row, province: this.plan.province, place, quality, upgradedIn, existing: Boolean(found), index: this.nextIndex() };
  }

  private districtFor(kind: Kind): District | null {
    const districts = this.plan.districts;
    if (districts.length === 0) return null;
    const isFirstCity = (kind === 'nakhon' || kind === 'mueang') && this.cities === 0;
    if (kind === 'pao' || kind === 'special' || isFirstCity) return districts[0]!;
    if (kind === 'tambon' || kind === 'sao') {
      // Named after a real subdistrict of their district: a district with one left.
      const open = districts.filter((district) => this.freeSubdistricts(district).length > 0);
      if (open.length > 0) return this.prng.pick(open);
    }
    return this.prng.pick(districts);
  }

  private codeFor(kind: Kind, district: District | null): string {
    const districtPart = kind === 'pao' || kind === 'special' || !district ? '00' : String(district.id % 100).padStart(2, '0');
    const key = `${kind}:${districtPart}`;
    const sequence = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, sequence);
    return `${KIND_DIGIT[kind]}${this.plan.province.id}${districtPart}${String(sequence).padStart(2, '0')}`;
  }

  private placeFor(kind: Kind, district: District | null): PlaceName {
    const province = { th: this.plan.province.nameTh, en: this.plan.province.nameEn };
    if (kind === 'special') return SPECIAL[this.plan.province.id] ?? province;
    if (kind === 'pao') return province;
    if (kind === 'nakhon' || kind === 'mueang') {
      this.cities += 1;
      if (this.cities === 1) return province;
      // Town municipalities mostly carry the name of their district seat.
      if (district && !this.usedDistrictNames.has(district.id) && district.id % 100 !== 1) {
        this.usedDistrictNames.add(district.id);
        return district.place;
      }
    }
    if ((kind === 'tambon' || kind === 'sao') && district) {
      const free = this.freeSubdistricts(district);
      if (free.length > 0) {
        const place = this.prng.pick(free);
        this.taken.add(place.th);
        return place;
      }
    }
    // More local governments than real subdistricts left (or a city): a made-up place name.
    return drawPlaceName(this.prng, this.taken);
  }

  private newRow(kind: Kind, code: string, place: PlaceName, district: District | null): AgencyRow {
    const prng = this.prng;
    const province = this.plan.province;
    const nameTh = kind === 'special' ? place.th : `${PREFIX[kind]}${place.th}`;
    const nameEn = kind === 'special' ? place.en : `${place.en} ${SUFFIX_EN[kind]}`;
    const host = `${kind === 'pao' ? 'pao-' : ''}${hostLabel(place)}`;
    const districtText = district ? ` อำเภอ${district.nameTh}` : '';
    return {
      id: prng.uuid(),
      code,
      ...AGENCY_TYPE[kind],
      nameTh,
      nameEn,
      provinceId: province.id,
      districtId: district?.id ?? null,
      address: `ที่ทำการ${nameTh}${districtText} จังหวัด${province.nameTh}`,
      postcode: `${province.id}${prng.int(0, 2)}${prng.int(0, 9)}0`,
      phone: `0${prng.int(2, 7)}${prng.int(0, 9)}-${prng.int(100000, 999999)}`,
      website: prng.chance(0.88) ? `www.${host}.go.th` : null,
      facebook: prng.chance(0.55) ? nameTh : null,
      isActive: kind === 'pao' || kind === 'special' || !prng.chance(0.003),
      createdAt: new Date(Date.UTC(2024, 4, 1, 3, 0, 0) + this.nextIndex() * 1000).toISOString(),
    };
  }

  private fromExisting(found: ExistingAgency): AgencyRow {
    return {
      ...found,
      address: null,
      postcode: null,
      phone: null,
      facebook: null,
      isActive: true,
      createdAt: new Date(Date.UTC(2024, 4, 1)).toISOString(),
    };
  }
}
