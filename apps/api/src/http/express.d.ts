import type { SessionUser } from '@prongsai/shared';
import type { Actor } from '../access/actor';

declare global {
  namespace Express {
    interface Request {
      requestId: string;
      actor: Actor;
      /** The signed-in user as the session resolved it (undefined when anonymous). */
      sessionUser?: SessionUser;
    }
  }
}
export {};
