import type { HealthResponse } from '@prongsai/shared';
import * as queries from './health.queries';

/** Liveness with a database check: degraded (the route answers 503) when the database does not answer. */
export async function getHealth(): Promise<HealthResponse> {
  try {
    await queries.pingDatabase();
    return { status: 'ok', db: 'ok' };
  } catch {
    return { status: 'degraded', db: 'down' };
  }
}
