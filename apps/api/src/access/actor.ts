import type { Role } from '@prongsai/shared';

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
    }
  | { kind: 'anonymous' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };
