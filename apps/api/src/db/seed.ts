import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '@prongsai/db-tools';
import {
  CodebookConfidenceSchema,
  ceYearOfFiscalMonth,
  parseCsv,
  toCommonEraYear,
  type Outcome,
  type PlanStatus,
  type Role,
} from '@prongsai/shared';
import { hashPassword } from '../lib/passwords';
import { getPrisma, type Db } from '../lib/prisma';
import { dbOf } from '../lib/db';
import { refreshPlanWarnings } from '../modules/plans/plans.service';
import { BANGSAINOI_2566, BANGSAINOI_2566_INTRO } from './seed-data/bangsainoi-2566';
import {
  LAST_FIXED_YEAR,
  carriedOutDay,
  planTimestamps,
  relativeItaScores,
  relativePlanScenarios,
  type RelativePlanScenario,
} from './seed-years';
import { DEMO_AGENCIES } from './seed-data/demo-agencies';
import { GENERIC_MEASURES } from './seed-data/generic-measures';
import { loadThaiGeography } from './seed-data/geography';
import { DISTRICTS, PROVINCES } from './seed-data/provinces';

/** The demo password of every demo account (README lists the accounts). */
export const DEMO_PASSWORD = 'Prongsai-Demo-2569';

export const DEMO_USERS: { email: string; name: string; role: Role; agencyCode?: string; provinceId?: number }[] = [
  { email: 'admin@prongsai.example', name: 'ผู้ดูแลระบบระดับประเทศ', role: 'national_admin' },
  { email: 'editor@bangsainoi.example', name: 'เจ้าหน้าที่ อบต.บางทรายน้อย', role: 'agency_editor', agencyCode: '6490601' },
  { email: 'editor@banshong.example', name: 'เจ้าหน้าที่ อบต.บ้านซ่ง', role: 'agency_editor', agencyCode: '6490502' },
  { email: 'reviewer@mukdahan.example', name: 'ผู้ตรวจสอบ จังหวัดมุกดาหาร', role: 'provincial_reviewer', provinceId: 49 },
  { email: 'reviewer@amnatcharoen.example', name: 'ผู้ตรวจสอบ จังหวัดอำนาจเจริญ', role: 'provincial_reviewer', provinceId: 37 },
];

type Log = (line: string) => void;

function codebookCsvPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const local = path.join(here, 'seed-data', 'oit-codebooks.csv');
  return fs.existsSync(local) ? local : path.join(repoRoot(), 'apps', 'api', 'src', 'db', 'seed-data', 'oit-codebooks.csv');
}

/** The note of a codebook copied for a year whose official list the project does not have. */
export const unofficialCodebookNote = (fiscalYear: number, sourceYear: number): string =>
  `สำเนาไม่เป็นทางการ: บัญชีตัวชี้วัด OIT ปีงบประมาณ ${sourceYear} คัดลอกมาใช้กับข้อมูลตัวอย่างของปี ${fiscalYear} ` +
  `(ยังไม่มีบัญชีทางการของปี ${fiscalYear} ในระบบ ผู้ดูแลระบบควรนำเข้าบัญชีจริงแทน)`;

/**
 * Reference data every installation needs: provinces, districts, the OIT codebooks. `copyCodebookTo`:
 * years that have plans but no list of their own get a copy of the latest list before them, marked
 * unofficial (note and confidence 'uncertain'). Idempotent.
 */
export async function seedReferenceData(prisma: Db, log: Log = () => undefined, copyCodebookTo: number[] = []): Promise<void> {
  await prisma.province.createMany({
    data: PROVINCES.map(([id, nameTh, nameEn, region]) => ({ id, nameTh, nameEn, region })),
    skipDuplicates: true,
  });
  // The demo provinces' districts as the project has always written them, then every real district
  // and subdistrict of the country (thai-address-universal; ADR 019). Existing rows stay as they are.
  await prisma.district.createMany({
    data: DISTRICTS.map(([id, provinceId, nameTh, nameEn]) => ({ id, provinceId, nameTh, nameEn })),
    skipDuplicates: true,
  });
  const geography = await loadThaiGeography();
  await prisma.district.createMany({ data: geography.districts, skipDuplicates: true });
  const districtIds = new Set((await prisma.district.findMany({ select: { id: true } })).map((district) => district.id));
  const subdistricts = geography.subdistricts.filter((subdistrict) => districtIds.has(subdistrict.districtId));
  for (let start = 0; start < subdistricts.length; start += 2_000) {
    await prisma.subdistrict.createMany({ data: subdistricts.slice(start, start + 2_000), skipDuplicates: true });
  }
  const rows = parseCsv(fs.readFileSync(codebookCsvPath(), 'utf8'))
    .slice(1)
    .map(([fiscalYear, code, group, titleTh, confidence]) => ({
      fiscalYear: Number(fiscalYear),
      code: code!,
      group: group!,
      titleTh: titleTh!,
      // The confidence cell may carry a note after the word: "uncertain (one list gives …)".
      confidence: CodebookConfidenceSchema.catch('uncertain').parse(confidence?.split(' ')[0]),
    }));
  for (const year of [...new Set(rows.map((row) => row.fiscalYear))]) {
    await prisma.indicatorCodebook.upsert({
      where: { fiscalYear: year },
      create: { fiscalYear: year, note: 'รวบรวมจากหน้า ITA ของหน่วยงานที่เผยแพร่ (ไม่ใช่คู่มือฉบับทางการ)' },
      update: {},
    });
  }
  await prisma.indicatorItem.createMany({ data: rows, skipDuplicates: true });
  const listed = [...new Set(rows.map((row) => row.fiscalYear))].sort((a, b) => a - b);
  const copies = [...new Set(copyCodebookTo)].filter((year) => !listed.includes(year) && listed.some((source) => source < year));
  for (const year of copies) {
    const sourceYear = listed.filter((source) => source < year).pop()!;
    await prisma.indicatorCodebook.upsert({
      where: { fiscalYear: year },
      create: { fiscalYear: year, note: unofficialCodebookNote(year, sourceYear) },
      update: {},
    });
    await prisma.indicatorItem.createMany({
      data: rows
        .filter((row) => row.fiscalYear === sourceYear)
        .map((row) => ({ ...row, fiscalYear: year, confidence: 'uncertain' as const })),
      skipDuplicates: true,
    });
  }
  log(
    `reference data: ${PROVINCES.length} provinces, ${geography.districts.length} districts, ${subdistricts.length} subdistricts, ` +
      `${rows.length} codebook items` +
      (copies.length > 0 ? `, unofficial codebook copies for ${copies.join(', ')}` : ''),
  );
}

const PLAN_SCENARIOS: { agencyCode: string; fiscalYear: number; status: PlanStatus }[] = [
  { agencyCode: '6490601', fiscalYear: 2565, status: 'published' },
  { agencyCode: '6490502', fiscalYear: 2566, status: 'published' },
  { agencyCode: '6490502', fiscalYear: 2567, status: 'submitted' },
  { agencyCode: '2490001', fiscalYear: 2566, status: 'published' },
  { agencyCode: '2490001', fiscalYear: 2567, status: 'returned' },
  { agencyCode: '4490101', fiscalYear: 2566, status: 'accepted' },
  { agencyCode: '4490101', fiscalYear: 2567, status: 'draft' },
  { agencyCode: '5490601', fiscalYear: 2565, status: 'published' },
  { agencyCode: '5490601', fiscalYear: 2566, status: 'published' },
  { agencyCode: '6490603', fiscalYear: 2567, status: 'submitted' },
  { agencyCode: '2370001', fiscalYear: 2566, status: 'published' },
  { agencyCode: '4370101', fiscalYear: 2567, status: 'draft' },
  { agencyCode: '6370201', fiscalYear: 2566, status: 'published' },
];

const ITA_SCORES: [agencyCode: string, fiscalYear: number, score: number][] = [
  ['6490601', 2565, 86.41],
  ['6490601', 2566, 91.2],
  ['6490502', 2565, 78.35],
  ['6490502', 2566, 88.1],
  ['2490001', 2566, 95.62],
  ['4490101', 2566, 93.04],
  ['5490601', 2566, 82.5],
  ['2370001', 2566, 96.8],
  ['6370201', 2566, 71.9],
];

function outcomeFor(status: PlanStatus, index: number): Outcome {
  if (status === 'draft' || status === 'returned') return index === 0 ? 'in_progress' : 'planned';
  if (status === 'submitted') return (['completed', 'in_progress', 'planned'] as const)[index % 3]!;
  return index === 3 ? 'not_carried_out' : 'completed';
}

/** What the seed is reckoned from: `now` decides the current fiscal year (Asia/Bangkok). */
export interface SeedOptions {
  now?: Date;
}

/** The outcome of measure `index` of a relative plan: under way this year, carried out in earlier years. */
function relativeOutcome(scenario: RelativePlanScenario, index: number): Outcome {
  if (scenario.role !== 'current') return outcomeFor(scenario.status === 'accepted' ? 'published' : scenario.status, index);
  if (scenario.status === 'draft' || scenario.status === 'returned') return index === 0 ? 'in_progress' : 'planned';
  return (['completed', 'in_progress', 'planned'] as const)[index % 3]!;
}

/**
 * Demo agencies, accounts and plans (the sample report's agency among them), the fixed FY2565–2567
 * history and plans relative to the current fiscal year of `options.now` (see seed-years.ts).
 * Idempotent, and deterministic for a given date (apart from generated ids and row timestamps).
 */
export async function seedDemo(prisma: Db, log: Log = () => undefined, options: SeedOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const relative = relativePlanScenarios(now);
  await seedReferenceData(
    prisma,
    log,
    relative.map((scenario) => scenario.fiscalYear),
  );
  for (const agency of DEMO_AGENCIES) {
    await prisma.agency.upsert({ where: { code: agency.code }, create: agency, update: {} });
  }
  const agencies = new Map(
    (await prisma.agency.findMany({ where: { code: { in: DEMO_AGENCIES.map((a) => a.code) } } })).map((a) => [a.code!, a]),
  );

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    const existing = await prisma.user.findUnique({ where: { email: demo.email } });
    if (existing) continue;
    const agencyId = demo.agencyCode ? agencies.get(demo.agencyCode)!.id : null;
    await prisma.user.create({
      data: {
        email: demo.email,
        name: demo.name,
        passwordHash,
        memberships: { create: { role: demo.role, agencyId, provinceId: demo.provinceId ?? null } },
      },
    });
  }

  // The sample report's plan: องค์การบริหารส่วนตำบลบางทรายน้อย, FY2566, published.
  const bangSaiNoi = agencies.get('6490601')!;
  await createPlanIfMissing(prisma, {
    agency: bangSaiNoi,
    fiscalYear: 2566,
    status: 'published',
    introText: BANGSAINOI_2566_INTRO,
    measures: BANGSAINOI_2566.map((measure) => ({
      title: measure.title,
      actions: measure.actions,
      outcome: measure.outcome,
      resultText: measure.resultText,
      summary: measure.summary,
      carriedOutDate: measure.carriedOut ? new Date(`${measure.carriedOut.date}T00:00:00Z`) : null,
      carriedOutPrecision: measure.carriedOut?.precision ?? null,
      carriedOutRaw: measure.carriedOut?.raw ?? null,
      indicators: measure.indicators.map((ref) => ({ fiscalYear: 2566, code: ref.code, raw: ref.raw })),
    })),
  });

  for (const scenario of PLAN_SCENARIOS) {
    const agency = agencies.get(scenario.agencyCode)!;
    const codebookYear = scenario.fiscalYear <= 2566 ? scenario.fiscalYear : 2566;
    const count = 5 + (scenario.fiscalYear % 3);
    await createPlanIfMissing(prisma, {
      agency,
      fiscalYear: scenario.fiscalYear,
      status: scenario.status,
      introText: null,
      measures: GENERIC_MEASURES.slice(0, count).map((template, index) => {
        const outcome = outcomeFor(scenario.status, index);
        const month = ((index * 2 + 10) % 12) + 1;
        const ceYear = ceYearOfFiscalMonth(scenario.fiscalYear, month);
        const done = outcome === 'completed';
        return {
          title: template.title,
          actions: template.actions,
          outcome,
          outcomeReason: outcome === 'not_carried_out' ? 'ไม่ได้รับการจัดสรรงบประมาณในปีงบประมาณนี้' : null,
          // Each agency reports its own figures: identical results across agencies are what the copy detector flags (ADR 014).
          resultText: done ? `ดำเนินการ${template.title}แล้วเสร็จตามแผน มีผู้เข้าร่วม ${participants(agency.code ?? agency.id, index)} คน` : null,
          summary: done
            ? `ผลการดำเนินการ: ${template.actions.join(' ')} ติดตามผล ${(participants(agency.code ?? agency.id, index + 3) % 9) + 2} ครั้ง`
            : null,
          carriedOutDate: done ? new Date(Date.UTC(ceYear, month - 1, index % 2 === 0 ? 1 : 15)) : null,
          carriedOutPrecision: done ? (index % 2 === 0 ? ('month' as const) : ('day' as const)) : null,
          indicators: template.indicator ? [{ fiscalYear: codebookYear, code: template.indicator, raw: null }] : [],
          evidence: done ? [{ url: `https://example.go.th/ita/${scenario.fiscalYear}/${index + 1}`, label: 'หลักฐานการดำเนินการ' }] : [],
        };
      }),
    });
  }

  for (const scenario of relative) {
    const agency = agencies.get(scenario.agencyCode)!;
    const count = 5 + (scenario.fiscalYear % 3);
    await createPlanIfMissing(prisma, {
      agency,
      fiscalYear: scenario.fiscalYear,
      status: scenario.status,
      introText: null,
      timestamps: planTimestamps(scenario, now),
      measures: GENERIC_MEASURES.slice(0, count).map((template, index) => {
        const outcome = relativeOutcome(scenario, index);
        const done = outcome === 'completed';
        const day = done ? carriedOutDay(scenario, index, now) : null;
        return {
          title: template.title,
          actions: template.actions,
          outcome,
          outcomeReason: outcome === 'not_carried_out' ? 'ไม่ได้รับการจัดสรรงบประมาณในปีงบประมาณนี้' : null,
          resultText: done ? `ดำเนินการ${template.title}แล้วเสร็จตามแผน` : null,
          summary: done ? `ผลการดำเนินการ: ${template.actions.join(' ')}` : null,
          carriedOutDate: day,
          carriedOutPrecision: done ? ('day' as const) : null,
          indicators: template.indicator ? [{ fiscalYear: scenario.fiscalYear, code: template.indicator, raw: null }] : [],
          evidence: done ? [{ url: `https://example.go.th/ita/${scenario.fiscalYear}/${index + 1}`, label: 'หลักฐานการดำเนินการ' }] : [],
        };
      }),
    });
  }

  for (const [code, fiscalYear, score] of [...ITA_SCORES, ...relativeItaScores(now)]) {
    const agency = agencies.get(code)!;
    await prisma.itaResult.upsert({
      where: { agencyId_fiscalYear: { agencyId: agency.id, fiscalYear } },
      create: { agencyId: agency.id, fiscalYear, score },
      update: {},
    });
  }
  log(
    `demo data: ${DEMO_AGENCIES.length} agencies, ${DEMO_USERS.length} accounts, ` +
      `${PLAN_SCENARIOS.length + 1} plans of FY2565–${LAST_FIXED_YEAR}, ${relative.length} plans relative to FY${relative[0]?.fiscalYear ?? '-'}`,
  );
}

/** A demo agency's own head count for one measure (derived from its code, so every run seeds the same). */
const participants = (code: string, index: number): number => (Number(code.replace(/\D/g, '')) % 97) + 12 + index * 7;

interface SeedMeasure {
  title: string;
  actions: string[];
  outcome: Outcome;
  outcomeReason?: string | null;
  resultText: string | null;
  summary: string | null;
  carriedOutDate: Date | null;
  carriedOutPrecision: 'day' | 'month' | null;
  carriedOutRaw?: string | null;
  indicators: { fiscalYear: number; code: string; raw: string | null }[];
  evidence?: { url: string; label: string }[];
}

async function createPlanIfMissing(
  prisma: Db,
  plan: {
    agency: { id: string; type: 'pao' | 'municipality' | 'sao' | 'special'; nameTh: string };
    fiscalYear: number;
    status: PlanStatus;
    introText: string | null;
    measures: SeedMeasure[];
    /** When the plan was submitted, reviewed, published; by default in October after its year ends (the fixed history). */
    timestamps?: { submittedAt: Date | null; reviewedAt: Date | null; publishedAt: Date | null };
  },
): Promise<void> {
  const exists = await prisma.plan.findUnique({
    where: { agencyId_fiscalYear: { agencyId: plan.agency.id, fiscalYear: plan.fiscalYear } },
    select: { id: true },
  });
  if (exists) return;
  const ceEnd = toCommonEraYear(plan.fiscalYear);
  const reviewed = ['accepted', 'published', 'returned'].includes(plan.status);
  const created = await prisma.plan.create({
    data: {
      agencyId: plan.agency.id,
      fiscalYear: plan.fiscalYear,
      status: plan.status,
      agencyType: plan.agency.type,
      agencyNameTh: plan.agency.nameTh,
      introText: plan.introText,
      ...(plan.timestamps ?? {
        submittedAt: plan.status === 'draft' ? null : new Date(Date.UTC(ceEnd, 9, 15)),
        reviewedAt: reviewed ? new Date(Date.UTC(ceEnd, 9, 25)) : null,
        publishedAt: plan.status === 'published' ? new Date(Date.UTC(ceEnd, 10, 1)) : null,
      }),
      measures: {
        create: plan.measures.map((measure, index) => ({
          agencyId: plan.agency.id,
          sequence: index + 1,
          title: measure.title,
          actions: measure.actions,
          outcome: measure.outcome,
          outcomeReason: measure.outcomeReason ?? null,
          resultText: measure.resultText,
          summary: measure.summary,
          carriedOutDate: measure.carriedOutDate,
          carriedOutPrecision: measure.carriedOutPrecision,
          carriedOutRaw: measure.carriedOutRaw ?? null,
          indicators: { create: measure.indicators },
          evidence: { create: (measure.evidence ?? []).map((link, position) => ({ ...link, position })) },
        })),
      },
    },
  });
  await refreshPlanWarnings(dbOf(prisma), created.id);
}

/** `pnpm start`: seed the demo data set when the database has no users yet. */
export async function seedIfEmpty(log: Log = () => undefined, options: SeedOptions = {}): Promise<boolean> {
  const prisma = getPrisma();
  if ((await prisma.user.count()) > 0) return false;
  log('empty database: seeding demo data');
  await seedDemo(prisma, log, options);
  return true;
}
