import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** Per-request bodies, paths or methods (autocannon's request pipeline). */
  requests?: autocannon.Request[];
}

export interface LatencyStats {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Non-2xx answers plus connection errors and timeouts. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/** Drive `url` at a fixed concurrency; every response time is kept, so p95 is exact (autocannon reports p97.5). */
export async function runLoad(options: LoadOptions): Promise<LatencyStats> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        headers: options.headers,
        requests: options.requests,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // The tracker emits (client, statusCode, bytes, responseTime); the published types omit the client.
    instance.on('response', (...args: unknown[]) => {
      const status = String(args[1]);
      statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      latencies.push(Number(args[3]));
    });
  });
  return { ...summarise(latencies, result.duration), errors: result.errors + result.non2xx, non2xx: result.non2xx, statusCodes };
}

export function summarise(latencies: number[], seconds: number): Omit<LatencyStats, 'errors' | 'non2xx' | 'statusCodes'> {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (quantile: number) => round(sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] ?? 0);
  return {
    requests: sorted.length,
    requestsPerSecond: round(sorted.length / Math.max(seconds, 0.001)),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
