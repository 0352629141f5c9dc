import type { Actor } from '../access/actor';

declare global {
  namespace Express {
    interface Request {
      requestId: string;
      actor: Actor;
    }
  }
}
export {};
