import type { ReviewComment } from '@prongsai/shared';
import { clientOf, type Db } from '../../lib/db';
import { queryRow, sql } from '../../lib/sql';

/**
 * Reviewers' comments on plans and measures. The plan is found inside the caller's scope first
 * (plans.service `findVisiblePlan`); these statements only ever name that plan.
 */

/** Whether the measure belongs to the plan. */
export async function isMeasureOfPlan(db: Db, planId: string, measureId: string): Promise<boolean> {
  const row = await queryRow(
    clientOf(db),
    sql`SELECT 1 AS found FROM "Measure" WHERE id = ${measureId}::uuid AND "planId" = ${planId}::uuid`,
  );
  return row !== undefined;
}

/** THE comment row (as plan pages show it), written and returned in one statement. */
export async function insertComment(
  db: Db,
  comment: { planId: string; agencyId: string; measureId: string | null; authorId: string; body: string },
): Promise<ReviewComment> {
  const row = await queryRow<Omit<ReviewComment, 'createdAt'> & { createdAt: Date }>(
    clientOf(db),
    sql`WITH c AS (
          INSERT INTO "ReviewComment" (id, "planId", "agencyId", "measureId", "authorId", kind, body, "createdAt")
          VALUES (gen_random_uuid(), ${comment.planId}::uuid, ${comment.agencyId}::uuid, ${comment.measureId}::uuid,
                  ${comment.authorId}::uuid, 'comment', ${comment.body}::text, (now() AT TIME ZONE 'UTC')::timestamp(3))
          RETURNING *)
        SELECT c.id::text AS id, c."planId"::text AS "planId", c."measureId"::text AS "measureId", c.kind::text AS kind, c.body,
               u.name AS "authorName", c."createdAt"
        FROM c LEFT JOIN "User" u ON u.id = c."authorId"`,
  );
  return { ...row!, createdAt: row!.createdAt.toISOString() };
}
