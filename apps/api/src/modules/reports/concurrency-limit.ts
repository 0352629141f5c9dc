import { AppError } from '../../lib/app-error';

export interface ConcurrencyLimitOptions {
  /** Tasks running at once. */
  running: number;
  /** Tasks waiting for a slot; one more is refused. */
  queued: number;
  /** The message of the 503 answered beyond that. */
  busyMessage: string;
  retryAfterSeconds: number;
}

/**
 * At most `running` tasks at once and `queued` waiting; beyond that the caller gets 503 SERVICE_UNAVAILABLE
 * with Retry-After at once, instead of every request queueing behind the CPU (performance.md, F8). Per
 * process: each replica protects its own cores.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: ConcurrencyLimitOptions) {}

  get stats(): { running: number; queued: number } {
    return { running: this.active, queued: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
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
