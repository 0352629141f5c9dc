import type { Role } from '@prongsai/shared';
import type { StatementGuard } from '../lib/statement-guard';

/** Who is asking: resolved once per request by http/authenticate.ts. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      sessionId: string;
      name: string;
      role: Role;
      /** The agency of an agency editor. */
      agencyId: string | null;
      /** The province of a provincial reviewer. */
      provinceId: number | null;
      /**
       * Set when the actor was taken from this process's memory of the session rather than read from
       * the database for this request (a hot read, ADR 020): the condition that the session is still
       * live with this identity, which the request's scoped statement checks in its own round trip.
       */
      proof?: StatementGuard;
    }
  | { kind: 'anonymous' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };
