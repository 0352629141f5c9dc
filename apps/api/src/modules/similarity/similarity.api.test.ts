import { describe, expect, it } from 'vitest';
import { CopyClustersResponseSchema, PlanDetailSchema, SimilarMeasuresResponseSchema, type PlanStatus } from '@prongsai/shared';
import request from 'supertest';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createAgency, createUser, signIn } from '../../../test/factories';

const app = testApp();

// The sample report (FY2566, องค์การบริหารส่วนตำบลบางทรายน้อย): measures 2 and 3 were copied from
// องค์การบริหารส่วนตำบลบ้านซ่ง's report; measure 1 is the NACC's template wording many agencies share.
const TEMPLATE = {
  title: 'จัดให้บุคลากรภายในหน่วยงานได้มีส่วนร่วมในการจัดทำแผนการดำเนินงานและแผนการใช้จ่ายงบประมาณ',
  actions: ['ประชาสัมพันธ์คู่มือหรือแนวทางดังกล่าวให้บุคลากรถือปฏิบัติอย่างเคร่งครัด'],
  resultText: 'ให้เจ้าหน้าที่แต่ละส่วนมีส่วนร่วมในการเสนอแผนการดำเนินงานและจัดทำแผนการใช้จ่ายงบประมาณรายไตรมาส',
  summary: 'มีการจัดทำแผนการดำเนินงานและแผนการใช้จ่ายงบประมาณจากทุกส่วนงานโดยจัดทำเป็นรายไตรมาส',
};
const BANSHONG_2 = {
  title: 'นำผลการประเมิน ITA ไปประกอบการปรับปรุงการทำงานเพื่อป้องกันการทุจริต',
  actions: [],
  resultText:
    'มีการนำเสนอข้อเสนอแนะต่อผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ขององค์การบริหารส่วนตำบลบ้านซ่งโดยปรับปรุงในส่วนที่เป็นข้อเสนอแนะและพยายามรักษาในส่วนที่เป็นมาตรฐานไว้',
  summary:
    'วิเคราะห์มาตรการเสริมสร้างความโปร่งใส และดำเนินการตามแผน มาตรการที่กำหนดไว้ และเผยแพร่ให้บุคลากรภายในหน่วยงานรับทราบ และพิจารณานำผลการวิเคราะห์มาตรการเสริมสร้างความโปร่งใสมาประกอบการจัดทำแผนปฏิบัติการป้องกันการทุจริต',
};
const BANSHONG_3 = {
  title: 'เจ้าหน้าที่จัดทำคู่มือการใช้ทรัพย์สินของราชการ หรือมีการขอยืมทรัพย์สินของทางราชการไปใช้',
  actions: ['กำชับให้บุคลากรภายในหน่วยงานมีการขออนุญาตในการยืมทรัพย์สินอย่างถูกต้อง'],
  resultText: 'คู่มือมาตรฐานการปฏิบัติงาน ระบุขั้นตอนและแนวทางในการขอยืมทรัพย์สินของทางราชการไว้อย่างชัดเจน',
  summary:
    'เจ้าหน้าที่ผู้รับผิดชอบจัดทำคู่มือมาตรฐานการปฏิบัติงาน โดยระบุขั้นตอนและแนวทางในการขอยืมทรัพย์สินของทางราชการไว้อย่างชัดเจน และเผยแพร่คู่มือโดยใช้ช่องทางประชาสัมพันธ์ของหน่วยงาน เช่น เว็บไซต์ www.banshong.go.th',
};
const OWN_WORDS = (name: string) => ({
  title: `โครงการของ${name}เองที่ไม่มีใครเขียนเหมือน ${name}`,
  actions: [],
  resultText: `ผลลัพธ์ที่${name}เขียนเองทั้งหมด มีผู้เข้าร่วมกิจกรรม ${name.length} คน ณ ศาลาประชาคมหมู่ที่ ${name.length % 9}`,
  summary: null,
});

type Texts = { title: string; actions: string[]; resultText: string | null; summary: string | null };

async function seedPlan(agencyId: string, fiscalYear: number, status: PlanStatus, measures: Texts[], submittedAt: Date | null) {
  const agency = await getPrisma().agency.findUniqueOrThrow({ where: { id: agencyId } });
  return getPrisma().plan.create({
    data: {
      agencyId,
      fiscalYear,
      status,
      agencyType: agency.type,
      agencyNameTh: agency.nameTh,
      submittedAt,
      publishedAt: status === 'published' ? submittedAt : null,
      measures: {
        create: measures.map((texts, index) => ({
          agencyId,
          sequence: index + 1,
          outcome: texts.resultText ? 'completed' : 'planned',
          ...texts,
        })),
      },
    },
    include: { measures: { orderBy: { sequence: 'asc' } } },
  });
}

let seeds = 0;
async function seedSample() {
  const provinceId = 36;
  const banshong = await createAgency({ provinceId, nameTh: 'องค์การบริหารส่วนตำบลบ้านซ่ง', website: 'www.banshong.go.th' });
  const bangsainoi = await createAgency({ provinceId, nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย', website: 'www.bangsainoi.go.th' });
  // Shares only the template measure with บางทรายน้อย (and four more agencies in three provinces do too).
  const partner = await createAgency({ provinceId, nameTh: 'องค์การบริหารส่วนตำบลแม่แบบหนึ่ง' });
  const templateUsers = [];
  for (const [index, id] of [37, 38, 38, 39].entries()) {
    templateUsers.push(await createAgency({ provinceId: id, nameTh: `องค์การบริหารส่วนตำบลแม่แบบ${index + 2}` }));
  }
  // Every test seeds its own pair: the copied texts carry a word of their own so that tests stay apart.
  const run = (seeds += 1);
  const original = [BANSHONG_2, BANSHONG_3].map((texts) => ({
    ...texts,
    resultText: `${texts.resultText} ครั้งที่ ${run}`,
    summary: `${texts.summary} ครั้งที่ ${run}`,
  }));
  const source = await seedPlan(
    banshong.id,
    2566,
    'published',
    [OWN_WORDS(`บ้านซ่ง รอบ ${run}`), ...original],
    new Date('2023-03-20T03:00:00Z'),
  );
  const copy = await seedPlan(bangsainoi.id, 2566, 'published', [TEMPLATE, ...original], new Date('2023-04-02T03:00:00Z'));
  const partnerPlan = await seedPlan(
    partner.id,
    2566,
    'submitted',
    [TEMPLATE, OWN_WORDS(`แม่แบบหนึ่ง รอบ ${run}`)],
    new Date('2023-04-01T03:00:00Z'),
  );
  for (const agency of templateUsers) await seedPlan(agency.id, 2566, 'published', [TEMPLATE], new Date('2023-03-01T03:00:00Z'));
  return { provinceId, banshong, bangsainoi, partner, source, copy, partnerPlan, original };
}

const copiedWarnings = (body: unknown) =>
  PlanDetailSchema.parse(body).warnings.filter((warning) => warning.code === 'COPIED_FROM_OTHER_AGENCY');

describe('copy detector (ADR 014)', () => {
  it('when บางทรายน้อย copied measures 2 and 3 from บ้านซ่ง, then its plan warns its editor and names บ้านซ่ง; the template measure and the partner do not warn', async () => {
    // Arrange
    const sample = await seedSample();
    const editor = await signIn(app, await createUser('agency_editor', { agencyId: sample.bangsainoi.id }));
    const partnerEditor = await signIn(app, await createUser('agency_editor', { agencyId: sample.partner.id }));

    // Act
    const plan = await editor.get(`/api/v1/plans/${sample.copy.id}`);
    const partnerPlan = await partnerEditor.get(`/api/v1/plans/${sample.partnerPlan.id}`);
    const byYear = await editor.get(`/api/v1/agencies/${sample.bangsainoi.id}/plans/2566`);
    const publicPlan = await request(app).get(`/api/v1/public/agencies/${sample.bangsainoi.id}/plans/2566`);

    // Assert
    expect(plan.status).toBe(200);
    const warnings = copiedWarnings(plan.body);
    expect(warnings.map((warning) => warning.sequence)).toEqual([2, 3]);
    for (const warning of warnings) {
      expect(warning.message).toContain('องค์การบริหารส่วนตำบลบ้านซ่ง');
      expect(warning.message).toContain('2566');
    }
    expect(warnings[1]!.message).toContain('ซึ่งเขียนไว้ก่อน');
    expect(copiedWarnings(byYear.body).map((warning) => warning.sequence)).toEqual([2, 3]);
    expect(partnerPlan.status).toBe(200);
    expect(copiedWarnings(partnerPlan.body)).toEqual([]);
    expect(publicPlan.status).toBe(200);
    expect(JSON.stringify(publicPlan.body)).not.toContain('COPIED_FROM_OTHER_AGENCY');
  });

  it('when a reviewer opens the similar measures, then each copied text names the other agency, year, measure, both texts and who wrote first; templates are marked as such', async () => {
    // Arrange
    const sample = await seedSample();
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId: sample.provinceId }));
    const admin = await signIn(app, await createUser('national_admin'));

    // Act
    const response = await reviewer.get(`/api/v1/plans/${sample.copy.id}/similar-measures`);
    const national = await admin.get(`/api/v1/plans/${sample.source.id}/similar-measures`);

    // Assert
    expect(response.status).toBe(200);
    const similar = SimilarMeasuresResponseSchema.parse(response.body);
    expect(similar.copiedCount).toBe(2);
    expect(similar.measures.map((measure) => measure.sequence)).toEqual([1, 2, 3]);
    const [template, second, third] = similar.measures;
    expect(new Set(template!.texts.map((text) => text.kind))).toEqual(new Set(['template']));
    expect(template!.texts.every((text) => text.others.length === 0 && text.agencyCount >= 5)).toBe(true);
    const result = second!.texts.find((text) => text.field === 'result')!;
    expect(result).toMatchObject({ kind: 'copied', agencyCount: 2, text: sample.original[0]!.resultText });
    expect(result.others).toEqual([
      expect.objectContaining({
        agencyId: sample.banshong.id,
        agencyNameTh: 'องค์การบริหารส่วนตำบลบ้านซ่ง',
        fiscalYear: 2566,
        sequence: 2,
        text: sample.original[0]!.resultText,
        namesOther: true,
        first: 'other',
      }),
    ]);
    const summary = third!.texts.find((text) => text.field === 'summary')!;
    expect(summary.others[0]).toMatchObject({ agencyId: sample.banshong.id, sequence: 3, namesOther: true, first: 'other' });
    expect(third!.texts.find((text) => text.field === 'title')).toMatchObject({ kind: 'similar' });
    // From the source's side: the copy is the later one.
    const fromSource = SimilarMeasuresResponseSchema.parse(national.body);
    expect(
      fromSource.measures.flatMap((measure) => measure.texts.flatMap((text) => text.others.map((other) => other.first))),
    ).not.toContain('other');
    expect(fromSource.copiedCount).toBe(2);
  });

  it('when the editor rewrites the copied summary in their own words, then that warning goes at once (the index follows the save)', async () => {
    // Arrange
    const sample = await seedSample();
    const editor = await signIn(app, await createUser('agency_editor', { agencyId: sample.bangsainoi.id }));
    await getPrisma().plan.update({ where: { id: sample.copy.id }, data: { status: 'draft', publishedAt: null } });
    const third = sample.copy.measures[2]!;

    // Act
    const save = await editor.patch(`/api/v1/measures/${third.id}`).set('x-prongsai-csrf', '1').send({
      version: third.version,
      resultText: 'คู่มือการยืมทรัพย์สินขององค์การบริหารส่วนตำบลบางทรายน้อยฉบับปรับปรุงใหม่ ผ่านการอนุมัติของนายก',
      summary: 'เผยแพร่คู่มือการยืมทรัพย์สินฉบับใหม่ทางเว็บไซต์ www.bangsainoi.go.th และบอร์ดประชาสัมพันธ์ของหน่วยงาน',
    });
    const plan = await editor.get(`/api/v1/plans/${sample.copy.id}`);

    // Assert
    expect(save.status).toBe(200);
    expect(copiedWarnings(plan.body).map((warning) => warning.sequence)).toEqual([2]);
  });

  it('when an editor or an anonymous caller asks for similar measures, then 403 or 401; a reviewer of another province gets 404', async () => {
    // Arrange
    const sample = await seedSample();
    const editor = await signIn(app, await createUser('agency_editor', { agencyId: sample.bangsainoi.id }));
    const elsewhere = await signIn(app, await createUser('provincial_reviewer', { provinceId: 40 }));

    // Act
    const asEditor = await editor.get(`/api/v1/plans/${sample.copy.id}/similar-measures`);
    const anonymous = await request(app).get(`/api/v1/plans/${sample.copy.id}/similar-measures`);
    const otherProvince = await elsewhere.get(`/api/v1/plans/${sample.copy.id}/similar-measures`);
    const clustersAsEditor = await editor.get('/api/v1/review/copy-clusters?fiscalYear=2566');
    const otherClusters = await elsewhere.get(`/api/v1/review/copy-clusters?fiscalYear=2566&provinceId=${sample.provinceId}`);

    // Assert
    expect(asEditor.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect(otherProvince.status).toBe(404);
    expect(clustersAsEditor.status).toBe(403);
    expect(otherClusters.status).toBe(403);
  });

  it('when a reviewer lists the copy clusters of the province, then the copied results and summaries appear with both agencies, the template does not', async () => {
    // Arrange
    const sample = await seedSample();
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId: sample.provinceId }));

    // Act
    const response = await reviewer.get('/api/v1/review/copy-clusters?fiscalYear=2566');

    // Assert
    expect(response.status).toBe(200);
    const { clusters, provinceId } = CopyClustersResponseSchema.parse(response.body);
    expect(provinceId).toBe(sample.provinceId);
    const mine = clusters.filter((cluster) => cluster.members.some((member) => member.planId === sample.copy.id));
    expect(mine).toHaveLength(4);
    for (const cluster of mine) {
      expect(cluster.agencyCount).toBe(2);
      expect(cluster.members.map((member) => member.agencyId)).toEqual([sample.banshong.id, sample.bangsainoi.id]);
    }
    expect(clusters.some((cluster) => cluster.text === TEMPLATE.resultText)).toBe(false);
  });
});
