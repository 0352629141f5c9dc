import { describe, expect, it } from 'vitest';
import { ROLES } from './enums';
import { hasPermission, ROLE_PERMISSIONS, scopeOf, type Action } from './permissions';

const ACTIONS = [
  ...new Set(Object.values(ROLE_PERMISSIONS).flatMap((permissions) => permissions.map((p) => p.split(':').slice(0, 2).join(':')))),
] as Action[];

/** Every role × every action: the scope it reaches, '-' when it may not. */
const EXPECTED: Record<string, string> = {
  'read:agency': 'agency province all',
  'write:agency': '- - all',
  'read:plan': 'agency province all',
  'write:plan': 'agency - all',
  'submit:plan': 'agency - all',
  'publish:plan': 'agency - all',
  'review:plan': '- province all',
  'read:audit': 'agency province all',
  'export:report': 'agency province all',
  'import:report': 'agency - all',
  'manage:user': '- - all',
  'write:codebook': '- - all',
  'write:ita-result': '- - all',
  'write:calendar': '- - all',
  'write:report-signature': 'agency - all',
};

describe('permissions', () => {
  it('when every role is asked about every action, then the scopes are exactly the table', () => {
    // Act
    const table = Object.fromEntries(ACTIONS.map((action) => [action, ROLES.map((role) => scopeOf(role, action) ?? '-').join(' ')]));

    // Assert
    expect(Object.keys(table).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(table).toEqual(EXPECTED);
  });

  it('when hasPermission is asked, then it is true exactly where a scope exists, and false without a role', () => {
    for (const role of ROLES)
      for (const action of ACTIONS) expect(hasPermission(role, action), `${role} ${action}`).toBe(scopeOf(role, action) !== undefined);
    expect(hasPermission(undefined, 'read:plan')).toBe(false);
  });

  it('when only a prefix of an action is asked (read:pla), then no permission matches', () => {
    expect(scopeOf('agency_editor', 'read:pla' as Action)).toBeUndefined();
    expect(scopeOf('provincial_reviewer', 'review:plan')).toBe('province');
  });
});
