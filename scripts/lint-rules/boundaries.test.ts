import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Each architecture rule of eslint.config.js, fed a snippet that breaks it at a real path of the
 * repository (the real config, the real resolver): if a rule stops firing (a glob that no longer
 * matches, a resolver that cannot find `@/…`, a block that overrides another), this fails.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });
// The list itself, read from the config (a JavaScript file TypeScript does not type).
const { LEGACY_DATA_ACCESS } = (await import(path.join(ROOT, 'eslint.config.js'))) as { LEGACY_DATA_ACCESS: string[] };

/** The rule ids reported for `code` as if it were the file at `file` (relative to the root). */
async function rulesFiredBy(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const RESTRICTED = 'no-restricted-imports';
const PATHS = 'import-x/no-restricted-paths';

describe('API: only *.queries.ts files touch the database (ADR 008)', () => {
  const service = 'apps/api/src/modules/agencies/probe.service.ts';
  it.each([
    ["import { getPrisma } from '../../lib/prisma';", 'lib/prisma'],
    ["import type { Tx } from '../../lib/prisma';", 'a type-only lib/prisma import'],
    ["import { sql } from '../../lib/sql';", 'lib/sql'],
    ["import { sqlRows } from '../../lib/sql-legacy';", 'lib/sql-legacy'],
    ["import pg from 'pg';", 'pg'],
    ["import { Prisma } from '@prisma/client';", '@prisma/client'],
    ["import { PrismaClient } from '../../generated/prisma/client';", 'the generated client'],
    ["import type { Response } from 'express';", 'express'],
  ])('when a service imports %s (%s), then lint reports it', async (code) => {
    expect(await rulesFiredBy(service, code)).toContain(RESTRICTED);
  });

  it('when a service imports lib/db (the opaque handle) and its own queries, then lint is silent', async () => {
    const code =
      "import { rootDb } from '../../lib/db';\nimport { listAgencies } from './agencies.queries';\nexport const probe = [rootDb, listAgencies];\n";
    expect(await rulesFiredBy(service, code)).toEqual([]);
  });

  it.each([
    'apps/api/src/modules/agencies/probe.routes.ts',
    'apps/api/src/modules/review/probe-export.ts',
    'apps/api/src/access/probe.ts',
    'apps/api/src/app-probe.ts',
  ])('when %s (neither queries nor lib) imports lib/prisma or pg, then lint reports both', async (file) => {
    const fired = await rulesFiredBy(
      file,
      "import { getPrisma } from '../../lib/prisma';\nimport pg from 'pg';\nexport const probe = [getPrisma, pg];\n",
    );
    expect(fired.filter((rule) => rule === RESTRICTED)).toHaveLength(2);
  });

  it('when a queries file imports lib/prisma, lib/sql and lib/db, then lint is silent (it is the one place allowed)', async () => {
    const code =
      "import { Prisma } from '../../lib/prisma';\nimport { sql } from '../../lib/sql';\nimport { clientOf } from '../../lib/db';\nexport const probe = [Prisma, sql, clientOf];\n";
    expect(await rulesFiredBy('apps/api/src/modules/agencies/probe.queries.ts', code)).toEqual([]);
  });

  it('when a queries file imports express, then lint reports it', async () => {
    expect(await rulesFiredBy('apps/api/src/modules/agencies/probe.queries.ts', "import type { Request } from 'express';")).toContain(
      RESTRICTED,
    );
  });
});

describe('API: http/ goes through services', () => {
  it.each([
    ["import { listAgencies } from '../modules/agencies/agencies.queries';", 'a module queries file'],
    ["import { getPrisma } from '../lib/prisma';", 'lib/prisma'],
  ])('when http/ imports %s (%s), then lint reports it', async (code) => {
    expect(await rulesFiredBy('apps/api/src/http/probe.ts', code)).toContain(RESTRICTED);
  });
});

describe('API: the legacy allowlist only holds files that still need it', () => {
  it('when the allowlist is read, then it is empty: every module reaches the database through its queries file (ADR 008)', () => {
    expect(LEGACY_DATA_ACCESS).toEqual([]);
  });
});

describe('no import cycles', () => {
  // no-cycle reads the imported file from disk: two real files that import each other.
  const dirs = ['apps/api/src/lint-cycle-probe', 'apps/web/src/lib/lint-cycle-probe'].map((dir) =>
    path.join(ROOT, `${dir}-${process.pid}`),
  );
  beforeAll(() => {
    for (const dir of dirs) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'first.ts'), "import { second } from './second';\nexport const first = () => second();\n");
      fs.writeFileSync(path.join(dir, 'second.ts'), "import { first } from './first';\nexport const second = (): unknown => first;\n");
    }
  });
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([0, 1])('when two files import each other (%#: API, web), then lint reports the cycle', async (index) => {
    const file = path.relative(ROOT, path.join(dirs[index]!, 'first.ts'));
    expect(await rulesFiredBy(file, fs.readFileSync(path.join(ROOT, file), 'utf8'))).toContain('import-x/no-cycle');
  });
});

describe('web: components/lib → features → app', () => {
  const feature = 'apps/web/src/features/plans/components/probe.tsx';
  it.each([
    ["import { getMeasureQueryOptions } from '@/features/measures/api/get-measure';", 'by the @/ alias'],
    ["import { getMeasureQueryOptions } from '../../measures/api/get-measure';", 'by a relative path'],
    ["import '../../review/review.css';", 'its stylesheet'],
  ])('when a feature imports another feature (%s, %s), then lint reports it', async (code) => {
    expect(await rulesFiredBy(feature, code)).toContain(PATHS);
  });

  it('when a feature imports its own files and the shared layers, then lint is silent', async () => {
    const code =
      "import { planQueryOptions } from '../api/get-plan';\nimport { apiRequest } from '@/lib/api-client';\nimport { Loading } from '@/components/ui/loading';\nexport const probe = [planQueryOptions, apiRequest, Loading];\n";
    expect(await rulesFiredBy(feature, code)).toEqual([]);
  });

  it.each([
    ['apps/web/src/features/plans/components/probe.tsx', "import { router } from '@/app/router';"],
    ['apps/web/src/components/ui/probe.tsx', "import { PlanHeader } from '@/features/plans/components/plan-header';"],
    ['apps/web/src/components/ui/probe.tsx', "import { PlanHeader } from '../../features/plans/components/plan-header';"],
    ['apps/web/src/lib/probe.ts', "import { router } from '../app/router';"],
    ['apps/web/src/lib/probe.ts', "import { AuditTable } from '@/features/audit/components/audit-table';"],
    ['apps/web/src/components/ui/probe.tsx', "import '@/features/public/public.css';"],
  ])('when %s imports upward (%s), then lint reports it', async (file, code) => {
    expect(await rulesFiredBy(file, code)).toContain(PATHS);
  });
});

describe('packages/shared imports neither side', () => {
  it.each([
    "import { useState } from 'react';",
    "import express from 'express';",
    "import { Prisma } from '@prisma/client';",
    "import pg from 'pg';",
    "import fs from 'node:fs';",
  ])('when packages/shared imports %s, then lint reports it', async (code) => {
    expect(await rulesFiredBy('packages/shared/src/probe.ts', code)).toContain(RESTRICTED);
  });
});

describe('web: styles live with their owner (STYLE.md)', () => {
  const MAX_LINES = 600;
  const sheets = fs
    .readdirSync(path.join(ROOT, 'apps/web/src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.css'))
    .map((file) => path.join('apps/web/src', file));

  it(`when the web's stylesheets are counted, then none is over ${MAX_LINES} lines`, () => {
    expect(sheets.length).toBeGreaterThan(1);
    const long = sheets.filter((file) => fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length > MAX_LINES);
    expect(long, 'split these by the feature or component that owns their rules').toEqual([]);
  });

  it('when the tokens are looked for, then one file declares every custom property', () => {
    const declaring = sheets.filter((file) => /^\s*--[\w-]+\s*:/m.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(declaring).toEqual(['apps/web/src/styles/tokens.css']);
  });
});
