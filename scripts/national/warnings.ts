import { Worker } from 'node:worker_threads';
import type { CheckableMeasure, QualityCheckContext } from '../../packages/shared/src/index';
import type { PlanCheck } from './history';

/** One batch of plans to check, in the plain shape the checks read. */
export interface WarningRequest {
  plans: { context: QualityCheckContext; measures: CheckableMeasure[] }[];
}

/**
 * Plan.warningCount as the API would store it: the API's own quality checks over each plan's live
 * measures (the generator plants the defects real reports have, so the counts are plausible). The
 * checks run in a worker thread, in step with the batches: answers come back in request order.
 */
export class WarningCounter {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (counts: number[]) => void; reject: (error: Error) => void }[] = [];

  constructor() {
    // Worker threads do not inherit tsx's loader: the worker registers it, then loads the TypeScript.
    const tsx = import.meta.resolve('tsx/esm/api');
    const script = new URL('./warning-worker.ts', import.meta.url).href;
    const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`;
    this.worker = new Worker(bootstrap, { eval: true });
    this.worker.on('message', (counts: number[]) => this.waiting.shift()?.resolve(counts));
    this.worker.on('error', (error) => this.waiting.splice(0).forEach((entry) => entry.reject(error)));
  }

  /** Resolves once the batch's plans carry their warning counts. */
  async apply(checks: PlanCheck[]): Promise<void> {
    const counts = await new Promise<number[]>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage({ plans: checks.map(toRequest) } satisfies WarningRequest);
    });
    checks.forEach((check, index) => {
      check.plan.warningCount = counts[index]!;
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

function toRequest({ plan, website, measures }: PlanCheck): WarningRequest['plans'][number] {
  return {
    context: { agencyNameTh: plan.agencyNameTh, website, fiscalYear: plan.fiscalYear },
    measures: measures.map(({ row, evidence }) => ({
      sequence: row.sequence,
      title: row.title,
      actions: row.actions,
      resultText: row.resultText,
      summary: row.summary,
      outcome: row.outcome,
      carriedOut: row.carriedOutDate && row.carriedOutPrecision ? { date: row.carriedOutDate, precision: row.carriedOutPrecision } : null,
      carriedOutRaw: row.carriedOutRaw,
      evidence: evidence.map((link) => ({ url: link.url, label: link.label })),
    })),
  };
}
