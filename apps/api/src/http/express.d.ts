import type { SessionUser } from '@prongsai/shared';
import type { Actor } from '../access/actor';

declare global {
  namespace Express {
    interface Request {
      /** Our id for this request (never the client's). */
      requestId: string;
      /** The client's own X-Request-Id, when sane: logged beside ours, never stored as ours. */
      clientRequestId?: string;
      actor: Actor;
      /** The signed-in user as the session resolved it (undefined when anonymous). */
      sessionUser?: SessionUser;
      /**
       * Present while the request's actor comes from a remembered session not yet confirmed (ADR 020):
       * confirms it; true when the actor was replaced and the handler must run again.
       */
      recheckSession?: () => Promise<boolean>;
    }
  }
}
export {};
