import { planProgress, type Measure, type PlanDetail } from '@prongsai/shared';

/** The plan with its measures in the given order, sequence numbers following. */
export function withMeasureOrder(plan: PlanDetail, measureIds: readonly string[]): PlanDetail {
  const byId = new Map(plan.measures.map((measure) => [measure.id, measure]));
  const ordered = measureIds.flatMap((id) => {
    const measure = byId.get(id);
    return measure ? [measure] : [];
  });
  const rest = plan.measures.filter((measure) => !measureIds.includes(measure.id));
  return { ...plan, measures: [...ordered, ...rest].map((measure, index) => ({ ...measure, sequence: index + 1 })) };
}

/** The plan with one measure replaced (or patched), progress recomputed. */
export function withMeasure(plan: PlanDetail, measureId: string, patch: Partial<Measure>): PlanDetail {
  const measures = plan.measures.map((measure) => (measure.id === measureId ? { ...measure, ...patch } : measure));
  return { ...plan, measures, progress: planProgress(measures) };
}

/** The ids in order after moving one measure up (-1) or down (+1); undefined at the edge. */
export function moveId(ids: readonly string[], id: string, direction: -1 | 1): string[] | undefined {
  const from = ids.indexOf(id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= ids.length) return undefined;
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
