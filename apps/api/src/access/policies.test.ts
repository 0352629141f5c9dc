import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Action, type Role } from '@prongsai/shared';
import { AppError } from '../lib/app-error';
import { ANONYMOUS, type Actor } from './actor';
import { assertCan, can, requireUser } from './policies';

const OWN = { agencyId: 'a-own', provinceId: 49 };
const NEIGHBOUR = { agencyId: 'a-neighbour', provinceId: 49 };
const ELSEWHERE = { agencyId: 'a-elsewhere', provinceId: 73 };

const actorOf = (role: Role): Actor => ({
  kind: 'user',
  userId: 'u',
  sessionId: 's',
  name: 'n',
  role,
  agencyId: role === 'agency_editor' ? OWN.agencyId : null,
  provinceId: role === 'provincial_reviewer' ? OWN.provinceId : null,
});

const ACTIONS = [
  ...new Set(Object.values(ROLE_PERMISSIONS).flatMap((list) => list.map((p) => p.split(':').slice(0, 2).join(':')))),
] as Action[];

describe('can: every role × action × owner', () => {
  const expected: Record<Role, { own: boolean; neighbour: boolean; elsewhere: boolean }> = {
    agency_editor: { own: true, neighbour: false, elsewhere: false },
    provincial_reviewer: { own: true, neighbour: true, elsewhere: false },
    national_admin: { own: true, neighbour: true, elsewhere: true },
  };
  for (const role of Object.keys(ROLE_PERMISSIONS) as Role[]) {
    for (const action of ACTIONS) {
      const granted = (ROLE_PERMISSIONS[role] as readonly string[]).some((permission) => permission.startsWith(`${action}:`));
      it(`when a ${role} asks to ${action}, then it is ${granted ? 'allowed within its scope' : 'refused everywhere'}`, () => {
        const actor = actorOf(role);
        expect(can(actor, action, OWN)).toBe(granted && expected[role].own);
        expect(can(actor, action, NEIGHBOUR)).toBe(granted && expected[role].neighbour);
        expect(can(actor, action, ELSEWHERE)).toBe(granted && expected[role].elsewhere);
        expect(can(actor, action)).toBe(granted);
      });
    }
  }

  it('when an editor has no agency or a reviewer no province, then nothing of any agency is reachable', () => {
    const editor: Actor = { ...(actorOf('agency_editor') as Extract<Actor, { kind: 'user' }>), agencyId: null };
    const reviewer: Actor = { ...(actorOf('provincial_reviewer') as Extract<Actor, { kind: 'user' }>), provinceId: null };
    expect(can(editor, 'read:plan', { agencyId: '', provinceId: 49 })).toBe(false);
    expect(can(reviewer, 'read:plan', { agencyId: 'x', provinceId: 0 })).toBe(false);
  });

  it('when the visitor is anonymous, then no action is allowed', () => {
    for (const action of ACTIONS) expect(can(ANONYMOUS, action, OWN)).toBe(false);
  });
});

describe('assertCan and requireUser', () => {
  const codeOf = (work: () => void) => {
    try {
      work();
      return null;
    } catch (error) {
      return (error as AppError).code;
    }
  };

  it('when the visitor is anonymous, then it is 401; a role without the action, 403; within scope, nothing', () => {
    expect(codeOf(() => assertCan(ANONYMOUS, 'read:plan'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => assertCan(actorOf('provincial_reviewer'), 'write:plan', OWN))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCan(actorOf('agency_editor'), 'write:plan', NEIGHBOUR))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCan(actorOf('agency_editor'), 'write:plan', OWN))).toBeNull();
  });

  it('when requireUser gets a visitor, then it is 401; a user is handed back', () => {
    expect(codeOf(() => requireUser(ANONYMOUS))).toBe('UNAUTHENTICATED');
    const user = actorOf('national_admin');
    expect(requireUser(user)).toBe(user);
  });
});
