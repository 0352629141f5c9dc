import { createHash } from 'node:crypto';

export interface CachedResponse {
  /** The serialised JSON body, exactly as sent. */
  body: string;
  /** A strong ETag of the body (Express answers 304 to a matching If-None-Match). */
  etag: string;
}

interface Entry extends CachedResponse {
  bytes: number;
  expiresAt: number;
}

export interface ResponseCacheOptions {
  /** Upper bound of the bodies held, in bytes (UTF-16 length × 2, an over-estimate). */
  maxBytes: number;
  /** A safety net only: keys carry the data version, so entries never go stale while it is raised. */
  ttlMs: number;
}

/**
 * Serialised answers by key, least recently used evicted first. Callers put everything the
 * answer depends on into the key — including a data version read from PostgreSQL on each request —
 * so an entry is never served after the data changed, whichever replica changed it (ADR 007).
 * Concurrent misses of one key share one computation.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<CachedResponse>>();
  private bytes = 0;

  constructor(private readonly options: ResponseCacheOptions) {}

  async getOrCompute(key: string, compute: () => Promise<string>): Promise<CachedResponse> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > Date.now()) {
      // Map order is recency order: move the hit to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    if (hit) this.remove(key, hit);
    const running = this.pending.get(key);
    if (running) return running;
    const computing = compute()
      .then((body) => this.store(key, body))
      .finally(() => this.pending.delete(key));
    this.pending.set(key, computing);
    return computing;
  }

  /** Entries and bytes held (tests, metrics). */
  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private store(key: string, body: string): CachedResponse {
    const entry: Entry = {
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      bytes: body.length * 2,
      expiresAt: Date.now() + this.options.ttlMs,
    };
    if (entry.bytes > this.options.maxBytes) return entry;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldestKey, oldest);
    }
    return entry;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
