import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

/**
 * Node's command-line options for the API and the e-mail worker, from deploy/node-options.txt (the one
 * list the Dockerfile, `npm start` and the benchmark all use, so what is measured is what runs).
 */
export function apiNodeOptions(root = repoRoot()): string[] {
  const file = path.join(root, 'deploy', 'node-options.txt');
  // An older checkout (pnpm bench:ab against a commit from before the list) ran with Node's defaults.
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  return text.replace(/#.*/g, '').split(/\s+/).filter(Boolean);
}
