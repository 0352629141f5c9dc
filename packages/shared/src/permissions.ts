import type { Role } from './enums';

/**
 * Permissions are `action:entity:scope`. The scope says which records the permission reaches:
 * `agency` = the actor's own agency, `province` = every agency of the actor's province,
 * `all` = everything, `published` = published plans only. The server decides with these in
 * apps/api/src/access; the web app reads them only to hide controls.
 */
export const PERMISSION_SCOPES = ['agency', 'province', 'all', 'published'] as const;
export type PermissionScope = (typeof PERMISSION_SCOPES)[number];

export const ROLE_PERMISSIONS = {
  agency_editor: [
    'read:agency:agency',
    'read:plan:agency',
    'write:plan:agency',
    'submit:plan:agency',
    'publish:plan:agency',
    'read:audit:agency',
    'export:report:agency',
    'import:report:agency',
    'write:report-signature:agency',
  ],
  provincial_reviewer: [
    'read:agency:province',
    'read:plan:province',
    'review:plan:province',
    'read:audit:province',
    'export:report:province',
  ],
  national_admin: [
    'read:agency:all',
    'write:agency:all',
    'read:plan:all',
    'write:plan:all',
    'submit:plan:all',
    'publish:plan:all',
    'review:plan:all',
    'read:audit:all',
    'export:report:all',
    'import:report:all',
    'manage:user:all',
    'write:codebook:all',
    'write:ita-result:all',
    'write:calendar:all',
    'write:report-signature:all',
  ],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof ROLE_PERMISSIONS)[Role][number];
/** A permission without its scope, e.g. `write:plan`. */
export type Action = Permission extends `${infer A}:${infer E}:${string}` ? `${A}:${E}` : never;

/** The scope in which a role may perform an action, or undefined when it may not. */
export function scopeOf(role: Role, action: Action): PermissionScope | undefined {
  const permission = (ROLE_PERMISSIONS[role] as readonly string[]).find((p) => p.startsWith(`${action}:`));
  return permission?.split(':')[2] as PermissionScope | undefined;
}

export const hasPermission = (role: Role | undefined, action: Action): boolean => role !== undefined && scopeOf(role, action) !== undefined;
