import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder upwards holding pnpm-workspace.yaml. */
export function repoRoot(start = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export const migrationsDir = (root = repoRoot()) => path.join(root, 'prisma', 'migrations');

/** The git-ignored folder that holds the embedded cluster of `pnpm start` (survives restarts). */
export const defaultDataDir = (root = repoRoot()) => path.join(root, '.data', 'postgres');
