import { scopeOf, type Action, type PermissionScope } from '@prongsai/shared';
import { AppError } from '../lib/app-error';
import type { Actor, UserActor } from './actor';

/** The records an action is about: the agency they belong to (and its province). */
export interface ResourceOwner {
  agencyId: string;
  provinceId: number;
}

function reaches(actor: UserActor, scope: PermissionScope, owner: ResourceOwner | undefined): boolean {
  if (!owner) return scope !== 'published';
  switch (scope) {
    case 'all':
      return true;
    case 'agency':
      return actor.agencyId !== null && actor.agencyId === owner.agencyId;
    case 'province':
      return actor.provinceId !== null && actor.provinceId === owner.provinceId;
    case 'published':
      return false;
  }
}

/** May the actor do `action`, on this resource when one is given? */
export function can(actor: Actor, action: Action, owner?: ResourceOwner): boolean {
  if (actor.kind !== 'user') return false;
  const scope = scopeOf(actor.role, action);
  return scope !== undefined && reaches(actor, scope, owner);
}

/** Throw 401 for anonymous, 403 when the role lacks the action (on a resource it can see). */
export function assertCan(actor: Actor, action: Action, owner?: ResourceOwner): asserts actor is UserActor {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ');
  if (!can(actor, action, owner)) throw new AppError('FORBIDDEN', 'คุณไม่มีสิทธิ์ทำรายการนี้');
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ');
  return actor;
}
