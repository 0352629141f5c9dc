import { AppError } from '../../lib/app-error';

export interface ConcurrencyLimitOptions {
  /** Tasks running at once. */
  running: number;
  /** Tasks waiting for a slot; one more is refused. */
  queued: number;
  /** The message of the 503 answered beyond that. */
  busyMessage: string;
  retryAfterSeconds: number;
  /**
   * Tasks one client (its address) may hold, running or queued; one more is refused with 429
   * RATE_LIMITED, so that one client cannot take the whole budget. Unset: no per-client cap.
   */
  perClient?: number;
}

/**
 * At most `running` tasks at once and `queued` waiting; beyond that the caller gets 503 SERVICE_UNAVAILABLE
 * with Retry-After at once, instead of every request queueing behind the CPU (performance.md, F8). Per
 * process: each replica protects its own cores.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly byClient = new Map<string, number>();

  constructor(private readonly options: ConcurrencyLimitOptions) {}

  get stats(): { running: number; queued: number } {
    return { running: this.active, queued: this.waiting.length };
  }

  /** `client` (an address) counts the task against that client's `perClient` cap. */
  async run<T>(task: () => Promise<T>, client?: string): Promise<T> {
    const { perClient } = this.options;
    if (client === undefined || perClient === undefined) return this.runInBudget(task);
    const held = this.byClient.get(client) ?? 0;
    if (held >= perClient) {
      throw new AppError('RATE_LIMITED', this.options.busyMessage, { retryAfterSeconds: this.options.retryAfterSeconds });
    }
    this.byClient.set(client, held + 1);
    try {
      return await this.runInBudget(task);
    } finally {
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    }
  }

  private async runInBudget<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.options.running) {
      if (this.waiting.length >= this.options.queued) {
        throw new AppError('SERVICE_UNAVAILABLE', this.options.busyMessage, { retryAfterSeconds: this.options.retryAfterSeconds });
      }
      // The slot is handed over by the task that finishes (see below), so `active` never overshoots.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
