import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@prongsai/db-tools';

/**
 * deploy/apt-packages.txt is the one list of Debian packages: `npm run validate` (scripts/bootstrap.mjs)
 * installs every line, the production image (Dockerfile) every line but those tagged @test.
 */

const ROOT = repoRoot();
const list = fs.readFileSync(path.join(ROOT, 'deploy', 'apt-packages.txt'), 'utf8');
const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

/** The package names of the list, each with whether it is tagged @test (the list's own format). */
const entries = list
  .split('\n')
  .map((line) => line.replace(/#.*/, '').trim())
  .filter(Boolean)
  .map((line) => {
    const [name, ...rest] = line.split(/\s+/);
    return { name: name!, testOnly: rest.includes('@test') };
  });

/** The shell pipeline the Dockerfile runs over the list to name the packages it installs. */
function dockerInstallPipeline(): string {
  const match = /apt-get install[^\n]*\$\((sed .*?)\) \\\n/.exec(dockerfile);
  if (!match) throw new Error('the Dockerfile no longer installs $(sed … apt-packages.txt …)');
  expect(dockerfile).toContain('COPY deploy/apt-packages.txt /tmp/apt-packages.txt');
  return match[1]!.replace('/tmp/apt-packages.txt', path.join(ROOT, 'deploy', 'apt-packages.txt'));
}

describe('deploy/apt-packages.txt', () => {
  it('when the Dockerfile reads the list, then it installs every package but the @test ones (LibreOffice stays out)', () => {
    // Act
    const installed = execFileSync('sh', ['-c', dockerInstallPipeline()], { encoding: 'utf8' }).split('\n').filter(Boolean);

    // Assert
    expect(installed).toEqual(entries.filter((entry) => !entry.testOnly).map((entry) => entry.name));
    expect(installed).toContain('chromium');
    expect(installed).toContain('tesseract-ocr-tha');
    expect(installed).not.toContain('libreoffice-writer-nogui');
  });

  it('when validate reads the list, then the test-only LibreOffice is on it, tagged @test', () => {
    // Assert: bootstrap.mjs installs all lines; the tag is what keeps it out of the image
    expect(entries.find((entry) => entry.name === 'libreoffice-writer-nogui')).toEqual({
      name: 'libreoffice-writer-nogui',
      testOnly: true,
    });
  });
});
