import type pg from 'pg';
import type { Province } from './geography';
import { Prng } from './prng';

/** Bench accounts share the demo password; their e-mails say what they are for. */
export const BENCH_EMAIL_DOMAIN = 'bench.prongsai.example';

export const reviewerEmail = (province: Province) =>
  `reviewer-${province.nameEn.toLowerCase().replace(/[^a-z]+/g, '-')}@${BENCH_EMAIL_DOMAIN}`;
export const editorEmail = (agencyCode: string) => `editor-${agencyCode}@${BENCH_EMAIL_DOMAIN}`;

interface Account {
  email: string;
  name: string;
  role: 'agency_editor' | 'provincial_reviewer';
  agencyId: string | null;
  provinceId: number | null;
}

/** One provincial reviewer per large province; returns their user ids by province (review comments name them). */
export async function createReviewers(
  client: pg.ClientBase,
  provinces: Province[],
  passwordHash: string,
  seed: number,
): Promise<Map<number, string>> {
  const ids = await createAccounts(
    client,
    provinces.map((province) => ({
      email: reviewerEmail(province),
      name: `ผู้ตรวจสอบ จังหวัด${province.nameTh}`,
      role: 'provincial_reviewer',
      agencyId: null,
      provinceId: province.id,
    })),
    passwordHash,
    new Prng(seed, 0x5e71),
  );
  return new Map(provinces.map((province, index) => [province.id, ids[index]!]));
}

/** An editor for each bench agency (the agency whose plan and report the benchmark reads). */
export async function createEditors(
  client: pg.ClientBase,
  agencies: { id: string; code: string; nameTh: string }[],
  passwordHash: string,
  seed: number,
): Promise<void> {
  await createAccounts(
    client,
    agencies.map((agency) => ({
      email: editorEmail(agency.code),
      name: `เจ้าหน้าที่ ${agency.nameTh}`,
      role: 'agency_editor',
      agencyId: agency.id,
      provinceId: null,
    })),
    passwordHash,
    new Prng(seed, 0xed17),
  );
}

async function createAccounts(client: pg.ClientBase, accounts: Account[], passwordHash: string, prng: Prng): Promise<string[]> {
  const ids: string[] = [];
  for (const account of accounts) {
    const id = prng.uuid();
    const inserted = await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (email) DO NOTHING`,
      [id, account.email, account.name, passwordHash],
    );
    if (inserted.rowCount === 1) {
      await client.query(
        `INSERT INTO "RoleMembership" (id, "userId", role, "agencyId", "provinceId") VALUES ($1, $2, $3::"Role", $4, $5)`,
        [prng.uuid(), id, account.role, account.agencyId, account.provinceId],
      );
      ids.push(id);
    } else {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [account.email]);
      ids.push(rows[0]!.id);
    }
  }
  return ids;
}
