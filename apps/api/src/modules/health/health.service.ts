import { rootDb } from '../../lib/db';
import { pingDatabase } from './health.queries';

/** Whether the database answers right now (the health endpoint says 503 when it does not). */
export async function isDatabaseUp(): Promise<boolean> {
  try {
    await pingDatabase(rootDb());
    return true;
  } catch {
    return false;
  }
}
