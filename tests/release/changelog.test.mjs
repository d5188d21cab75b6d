// scripts/changelog.mjs on a repository made for the test: Keep a
// Changelog's sections from the commits since the last tag, the hand-written
// Unreleased notes kept, the comparison links, and no second entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/changelog.mjs', import.meta.url));

function repository() {
  const dir = mkdtempSync(join(tmpdir(), 'changelog-'));
  const git = (...args) => execFileSync('git', ['-C', dir, '-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  const commit = (message) => git('commit', '-q', '--allow-empty', '-m', message);
  return { dir, git, commit };
}

const changelog = (dir, version, date) =>
  execFileSync('node', [script, version, '--date', date, '--repo', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('a first release lists every commit under Added, the work itself left out', () => {
  const { dir, commit } = repository();
  try {
    commit('The citation card');
    commit('review: one hook for copying');
    commit('Publication lists');
    changelog(dir, '0.1.0', '2026-12-01');
    const text = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    assert.match(text, /^# Changelog\n/);
    assert.match(text, /## \[Unreleased\]\n\n## \[0\.1\.0\] - 2026-12-01\n\n### Added\n\n- The citation card\n- Publication lists\n/);
    assert.doesNotMatch(text, /review:/);
    assert.match(text, /^\[Unreleased\]: https:\/\/github\.com\/citecard\/citecard\/compare\/v0\.1\.0\.\.\.HEAD$/m);
    assert.match(text, /^\[0\.1\.0\]: https:\/\/github\.com\/citecard\/citecard\/releases\/tag\/v0\.1\.0$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a later release: sections by subject and trailer, notes kept, links compared, one entry per version', () => {
  const { dir, git, commit } = repository();
  try {
    commit('The citation card');
    changelog(dir, '0.1.0', '2026-12-01');
    // Notes written by hand under Unreleased.
    const file = join(dir, 'CHANGELOG.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## [Unreleased]\n', '## [Unreleased]\n\n### Security\n\n- Links checked against a scheme list.\n'));
    git('add', 'CHANGELOG.md');
    commit('Release 0.1.0');
    git('tag', 'v0.1.0');
    commit('Fix the list order when two years tie');
    commit('Remove the old `record-type` attribute');
    commit('GB/T 7714 in the Cite panel\n\nChangelog: added');
    commit('Faster BibTeX reading');
    commit('Internal renames\n\nChangelog: skip');
    commit('tests: a fixture for RIS');
    changelog(dir, '0.2.0', '2026-12-24');
    const text = readFileSync(file, 'utf8');
    const entry = text.slice(text.indexOf('## [0.2.0]'), text.indexOf('## [0.1.0]'));
    assert.equal(entry, [
      '## [0.2.0] - 2026-12-24',
      '',
      '### Added',
      '',
      '- GB/T 7714 in the Cite panel',
      '',
      '### Changed',
      '',
      '- Faster BibTeX reading',
      '',
      '### Removed',
      '',
      '- Remove the old `record-type` attribute',
      '',
      '### Fixed',
      '',
      '- Fix the list order when two years tie',
      '',
      '### Security',
      '',
      '- Links checked against a scheme list.',
      '',
      '',
    ].join('\n'));
    assert.match(text, /## \[Unreleased\]\n\n## \[0\.2\.0\]/);
    assert.match(text, /^\[Unreleased\]: .*\/compare\/v0\.2\.0\.\.\.HEAD\n\[0\.2\.0\]: .*\/compare\/v0\.1\.0\.\.\.v0\.2\.0\n\[0\.1\.0\]: .*\/releases\/tag\/v0\.1\.0\n$/m);
    assert.throws(() => changelog(dir, '0.2.0', '2026-12-25'), /entry for 0\.2\.0 already/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
