import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13 / ADR 011: no import cycles between the API's modules, not only between files. A module is a
 * folder of apps/api/src/modules; it depends on another when any of its non-test files imports a file of
 * the other. ESLint's import-x/no-cycle sees file cycles; two modules that each import a different file
 * of the other (plans ↔ reports through the quality checks, notifications ↔ calendar through the worker)
 * form no file cycle, so this test reads the folders' imports itself.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const MODULES = path.join(ROOT, 'apps/api/src/modules');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** module → the other modules its non-test files import (relative imports resolved to their folder). */
export function moduleGraph(modulesDir: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const name of fs.readdirSync(modulesDir)) {
    if (!fs.statSync(path.join(modulesDir, name)).isDirectory()) continue;
    const deps = new Set<string>();
    for (const file of sourceFiles(path.join(modulesDir, name))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = path.relative(modulesDir, path.resolve(path.dirname(file), match[1]!));
        const other = target.split(path.sep)[0]!;
        if (!target.startsWith('..') && other !== name) deps.add(other);
      }
    }
    graph.set(name, deps);
  }
  return graph;
}

/** Every cycle's members, each found once (depth-first search over the graph). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

describe('API modules form no import cycle (issue 13, ADR 011)', () => {
  it('when the modules are read as they are, then no module reaches itself through its imports', () => {
    const graph = moduleGraph(MODULES);
    expect(graph.size).toBeGreaterThan(10);
    expect(graph.get('plans')).toContain('quality-checks');
    expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('when two modules import each other (a cycle planted in a copy), then the check names it', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, '.tmp-module-graph-'));
    try {
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      };
      write('plans/plans.service.ts', "import { checkMeasures } from '../reports/import/quality';\n");
      write('reports/reports.service.ts', "import { getPlan } from '../plans/plans.service';\n");
      write('reports/import/quality.ts', 'export const checkMeasures = 1;\n');
      write('reports/reports.test.ts', "import { x } from '../audit/audit.service';\n");
      write('audit/audit.service.ts', "import { y } from '../reports/reports.service';\n");
      const graph = moduleGraph(dir);
      expect(graph.get('reports')).toEqual(new Set(['plans']));
      expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual(['reports → plans → reports']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
