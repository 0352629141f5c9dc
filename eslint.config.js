// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const API = 'apps/api/src';
const WEB = 'apps/web/src';

/**
 * Files that still reach the database (or Express) outside a `*.queries.ts` file, from before the
 * data layer of ADR 008. The rules below skip exactly these files so lint passes today; remove
 * each entry when its module has its queries file — ADR 008. Never add a file to this list: a new
 * file follows the rules (scripts/lint-boundaries.test.ts proves they fire).
 */
export const LEGACY_DATA_ACCESS = [
  // Empty since every API module has its queries file (ADR 008). Keep it empty: a new entry is a
  // service that reaches the database itself, which the boundary test below refuses to grow into.
];

/**
 * Where the API may touch the database directly: queries files, the data-access library, the
 * seed, the two entry points, tests. `access/scope.ts` is the scope table of ADR 008: it builds
 * the scope into statements (`scopeSql`, `scopeWhere`) that queries files embed.
 */
const API_DATA_ACCESS_ALLOWED = [
  `${API}/**/*.queries.ts`,
  `${API}/lib/**`,
  `${API}/db/**`,
  `${API}/cli.ts`,
  `${API}/main.ts`,
  `${API}/worker.ts`,
  `${API}/access/scope.ts`,
  `${API}/**/*.test.ts`,
];

/** The database and its clients, by any path (`lib/prisma`, `../../lib/sql.ts`, the generated client). */
const DATA_ACCESS_IMPORTS = [
  {
    regex: String.raw`(^|/)lib/(prisma|sql|sql-legacy)(\.[cm]?[jt]s)?$`,
    message: 'only *.queries.ts files touch the database (ADR 008): call a queries function with a Db handle from lib/db',
  },
  { regex: String.raw`(^|/)generated/prisma(/|$)`, message: 'only *.queries.ts files use the Prisma client (ADR 008)' },
  { regex: String.raw`^(@prisma/|pg$|pg/|prisma$)`, message: 'only *.queries.ts files use Prisma or pg (ADR 008)' },
];
const EXPRESS_IMPORTS = {
  regex: String.raw`^(express|express-serve-static-core)(/|$)|^@types/express`,
  message: 'services and queries know nothing of HTTP: routes parse the request and send the result (a FileResponse for files)',
};
const QUERIES_IMPORTS = {
  regex: String.raw`(^|/)modules/.+\.queries(\.[cm]?[jt]s)?$`,
  message: "http/ must not reach into a module's queries: go through the module's service",
};

/** The web's folders that features build on (and that must never depend on a feature or a page). */
const WEB_SHARED_LAYERS = ['components', 'lib', 'config', 'locales', 'testing'];
const WEB_FEATURES = fs
  .readdirSync(path.join(ROOT, WEB, 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/api/src/generated/**',
      '.tmp/**',
      '.data/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'check-file': checkFile },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { '{apps,packages,e2e,scripts,prisma}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    // Imports are resolved like TypeScript does (`@/…` in the web, `@prongsai/shared`), so the
    // path rules below see the file an import names, whatever its spelling.
    files: [`${API}/**/*.ts`, `${WEB}/**/*.{ts,tsx}`],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js files and no-cycle would see no graph at all.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: ['apps/api/tsconfig.json', 'apps/web/tsconfig.json', 'packages/*/tsconfig.json'],
        }),
      ],
    },
    rules: {
      // A cycle means two files each need the other: one of them is in the wrong layer.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // packages/shared is imported by both sides: it never imports the server or the browser stack.
    files: ['packages/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(@prisma/|prisma$|pg$|pg/|express|react($|/)|react-dom($|/)|node:)|(^|/)generated/|(^|/)apps/`,
              message: 'packages/shared holds schemas and domain rules only: no Prisma, pg, Express, React or Node APIs',
            },
          ],
        },
      ],
    },
  },
  // The API's layers (ADR 008). ESLint keeps one set of options per rule and file, so these blocks
  // cover disjoint files: services; queries; http/; everything else that is not allowed data access.
  {
    files: [`${API}/**/*.service.ts`],
    ignores: [...LEGACY_DATA_ACCESS, `${API}/**/*.test.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...DATA_ACCESS_IMPORTS, EXPRESS_IMPORTS] }],
    },
  },
  {
    files: [`${API}/**/*.queries.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [EXPRESS_IMPORTS] }],
    },
  },
  {
    files: [`${API}/http/**/*.ts`],
    ignores: [`${API}/**/*.test.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...DATA_ACCESS_IMPORTS, QUERIES_IMPORTS] }],
    },
  },
  {
    files: [`${API}/**/*.ts`],
    ignores: [...API_DATA_ACCESS_ALLOWED, ...LEGACY_DATA_ACCESS, `${API}/**/*.service.ts`, `${API}/http/**`],
    rules: {
      'no-restricted-imports': ['error', { patterns: DATA_ACCESS_IMPORTS }],
    },
  },
  {
    files: [`${WEB}/**/*.{ts,tsx}`],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // Imports flow components/lib/config → features → app (STYLE.md), checked on resolved files,
    // so `@/features/x`, `../../x` and `../x/api/y` are all caught.
    files: [`${WEB}/**/*.{ts,tsx}`],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: path.join(ROOT, WEB),
          zones: [
            // Features own their code and never import each other; pages (app/) compose them.
            ...WEB_FEATURES.map((feature) => ({
              target: `./features/${feature}`,
              from: './features',
              except: [`./${feature}`],
              message: `a feature must not import another feature: move the shared piece down to components/ or lib/ (or packages/shared for a domain rule), or compose the features in app/routes`,
            })),
            { target: './features', from: './app', message: 'features must not import pages (app/)' },
            ...WEB_SHARED_LAYERS.map((layer) => ({
              target: `./${layer}`,
              from: ['./features', './app'],
              message: `${layer}/ is below features and pages: it must not import them`,
            })),
          ],
        },
      ],
    },
  },
);
