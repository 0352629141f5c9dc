import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

/**
 * PostgreSQL's settings for the production-like paths, from deploy/postgres/tuning.conf (the one list
 * docker-compose's database includes and the benchmark's embedded server is started with, ADR 035).
 * `name = value` lines; `#` starts a comment; a value may be quoted with single quotes.
 */
export function postgresSettings(root = repoRoot()): Record<string, string> {
  const file = path.join(root, 'deploy', 'postgres', 'tuning.conf');
  // An older checkout (pnpm bench:ab against a commit from before the list) ran with PostgreSQL's defaults.
  if (!fs.existsSync(file)) return {};
  const settings: Record<string, string> = {};
  for (const [index, raw] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const match = /^([a-z_][a-z0-9_.]*)\s*=?\s*(?:'([^']*)'|(\S+))$/i.exec(line);
    if (!match) throw new Error(`${file}:${index + 1}: not a \`name = value\` setting: ${raw}`);
    settings[match[1]!.toLowerCase()] = match[2] ?? match[3]!;
  }
  return settings;
}
