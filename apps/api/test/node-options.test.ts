import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiNodeOptions, repoRoot } from '@prongsai/db-tools';

/**
 * deploy/node-options.txt is the one list of Node's options for the API and the worker (ADR 025): the
 * production image's CMD, the scaled worker, `pnpm serve`/`pnpm worker`/`npm start` and the benchmark read it.
 */

const ROOT = repoRoot();
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The options a real Node started by `command` (a shell command that `exec`s node) was given. */
function execArgvOf(command: string): string[] {
  const printing = command.replace(/apps\/api\/dist\/(main|worker)\.js/, `-p "JSON.stringify(process.execArgv.slice(0, -2))"`);
  return JSON.parse(execFileSync('sh', ['-c', printing], { cwd: ROOT, encoding: 'utf8' })) as string[];
}

describe('deploy/node-options.txt', () => {
  it('when the list is read, then it holds the young-generation cap the memory target depends on', () => {
    expect(apiNodeOptions()).toContain('--max-semi-space-size=8');
  });

  it("when the production image's CMD starts the API, then Node runs with exactly the list's options", () => {
    // Arrange: the CMD's shell command, as docker runs it
    const cmd = /^CMD \["sh", "-c", "(.*)"\]$/m.exec(read('Dockerfile'));
    expect(cmd, 'the Dockerfile no longer starts the API through `sh -c "exec node $(sed … node-options.txt) …"`').not.toBeNull();

    // Act
    const options = execArgvOf(cmd![1]!.replace(/\\"/g, '"'));

    // Assert
    expect(options).toEqual(apiNodeOptions());
  });

  it('when the scaled deployment starts the worker, then Node runs with the same options', () => {
    // Arrange: docker compose turns `$$` into `$`
    const command = /command: \['sh', '-c', "(.*worker\.js)"\]/.exec(read('docker-compose.scale.yml'));
    expect(command).not.toBeNull();

    // Act
    const options = execArgvOf(command![1]!.replace(/\$\$/g, '$'));

    // Assert
    expect(options).toEqual(apiNodeOptions());
  });

  it('when Node is given the options, then V8 accepts them (a misspelt option stops node before the API starts)', () => {
    // Act + Assert: node exits non-zero on an option it does not know
    expect(execFileSync(process.execPath, [...apiNodeOptions(), '-p', '1'], { encoding: 'utf8' }).trim()).toBe('1');
  });
});
