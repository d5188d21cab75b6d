// Write CHANGELOG.md's entry for a release from the commits since the last
// tag, in the Keep a Changelog format (https://keepachangelog.com/en/1.1.0/):
//
//   node scripts/changelog.mjs VERSION [--date YYYY-MM-DD] [--repo DIR]
//
// Each commit's subject is one line, under the section its trailer names
// (`Changelog: added | changed | deprecated | removed | fixed | security |
// skip` in the message's body), else under the one its subject starts with
// ("Fix …" → Fixed, "Remove …" → Removed), else under Changed; or Added for
// a first release, which has no tag before it. Commits about the work
// itself (subjects starting "Release", "review:", "refactor:", "tests:", "docs:",
// "README:", "BENCHMARKS:", "oracle:", "ci:", "clippy", "rustfmt", …) are
// left out, and counted. What was written by hand
// under "## [Unreleased]" moves into the release's entry, first.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECTIONS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];
const INTERNAL = /^(release|review|refactor|tests?|ci|clippy|rustfmt|fmt|benchmarks?|docs?|readme|architecture|oracle|golden|breadth|sources\.md|styles\.md)\b/i;
const REPOSITORY = 'https://github.com/citecard/citecard';
const HEADER = `# Changelog

All notable changes to citecard are written here. The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and citecard follows [Semantic Versioning](https://semver.org/spec/v2.0.0.html); README.md ("Versions") says what its public API is.

## [Unreleased]
`;

/** The section a commit goes under, or null to leave it out. */
export function section({ subject, body }, firstRelease) {
  const trailer = body.match(/^Changelog:\s*(\w+)\s*$/im)?.[1]?.toLowerCase();
  if (trailer === 'skip') return null;
  const named = SECTIONS.find((s) => s.toLowerCase() === trailer);
  if (named) return named;
  if (INTERNAL.test(subject)) return null;
  if (/^(fix|fixes|fixed)\b/i.test(subject)) return 'Fixed';
  if (/^(remove|removes|removed|drop|drops)\b/i.test(subject)) return 'Removed';
  if (/^deprecate/i.test(subject)) return 'Deprecated';
  if (/^security\b/i.test(subject)) return 'Security';
  return firstRelease ? 'Added' : 'Changed';
}

const git = (repo, ...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });

/** The last release tag (`vX.Y.Z`) reachable from HEAD, or null. */
export function lastTag(repo) {
  try {
    return execFileSync('git', ['-C', repo, 'describe', '--tags', '--abbrev=0', '--match', 'v[0-9]*'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/** The commits since `tag` (all of them without one), oldest first. */
export function commits(repo, tag) {
  const log = git(repo, 'log', '--reverse', '--no-merges', '--format=%s%x1f%b%x1e', ...(tag ? [`${tag}..HEAD`] : []));
  return log
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [subject, body = ''] = record.split('\x1f');
      return { subject: subject.trim(), body };
    });
}

/** The text of CHANGELOG.md with `version`'s entry added. */
export function update(existing, { version, date, tag, entries }) {
  const text = existing ?? HEADER;
  if (new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(text)) {
    throw new Error(`CHANGELOG.md has an entry for ${version} already`);
  }
  const start = text.indexOf('## [Unreleased]');
  if (start < 0) throw new Error('CHANGELOG.md has no "## [Unreleased]" heading');
  const afterHeading = text.indexOf('\n', start) + 1;
  const next = text.slice(afterHeading).search(/^## \[/m);
  const end = next < 0 ? text.length : afterHeading + next;
  // Link references at the bottom are not part of the section.
  const unreleased = text.slice(afterHeading, end).replace(/^\[[^\]]+\]: .*$/gm, '').trim();

  const bySection = new Map(SECTIONS.map((s) => [s, []]));
  let current = 'Changed';
  for (const line of unreleased.split('\n')) {
    const heading = line.match(/^### (\w+)/)?.[1];
    if (heading) current = bySection.has(heading) ? heading : 'Changed';
    else if (line.trim()) bySection.get(current).push(line);
  }
  for (const { section: s, subject } of entries) bySection.get(s).push(`- ${subject}`);
  const body = SECTIONS.filter((s) => bySection.get(s).length)
    .map((s) => `### ${s}\n\n${bySection.get(s).join('\n')}\n`)
    .join('\n');
  const entry = `## [${version}] - ${date}\n\n${body || '### Changed\n\n- Nothing a user of the public API would notice.\n'}\n`;

  let out = `${text.slice(0, afterHeading)}\n${entry}${text.slice(end)}`.replace(/\n{3,}/g, '\n\n');
  // Keep a Changelog's links: Unreleased compares from this release, and
  // this release from the one before (or is its tag, the first time).
  out = out.replace(/^\[Unreleased\]: .*\n?/m, '');
  const links = [
    `[Unreleased]: ${REPOSITORY}/compare/v${version}...HEAD`,
    tag ? `[${version}]: ${REPOSITORY}/compare/${tag}...v${version}` : `[${version}]: ${REPOSITORY}/releases/tag/v${version}`,
  ];
  const firstLink = out.search(/^\[[^\]]+\]: /m);
  out = firstLink < 0
    ? `${out.trimEnd()}\n\n${links.join('\n')}\n`
    : `${out.slice(0, firstLink)}${links.join('\n')}\n${out.slice(firstLink)}`;
  return out;
}

function main() {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at < 0 ? undefined : args.splice(at, 2)[1];
  };
  const date = option('--date') ?? new Date().toISOString().slice(0, 10);
  const repo = option('--repo') ?? process.cwd();
  const [version] = args;
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version ?? '')) {
    console.error('usage: node scripts/changelog.mjs VERSION [--date YYYY-MM-DD] [--repo DIR]');
    process.exit(2);
  }
  const tag = lastTag(repo);
  const all = commits(repo, tag);
  const entries = all.map((c) => ({ ...c, section: section(c, !tag) })).filter((c) => c.section);
  const file = join(repo, 'CHANGELOG.md');
  writeFileSync(file, update(existsSync(file) ? readFileSync(file, 'utf8') : null, { version, date, tag, entries }));
  console.error(`CHANGELOG.md: ${version}, ${entries.length} of ${all.length} commits since ${tag ?? 'the first'} (the rest are about the work itself)`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
