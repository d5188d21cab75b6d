// The npm package's public API: no name of the last release disappears
// without a new major version, and its two descriptions (the manifest for
// editors, the typings for TypeScript) say the same. Run by scripts/test:
//   node --test tests/release/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { compatibilityLine, manifestNames, removed, typingNames, typings } from './api.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(`${root}/${path}`, 'utf8');
const current = {
  manifest: JSON.parse(read('static/npm/custom-elements.json')),
  typings: read('static/npm/citecard.d.ts'),
  version: JSON.parse(read('static/npm/package.json')).version,
};
// The last release's, written by scripts/release.
const baseline = {
  manifest: JSON.parse(read('tests/release/baseline/custom-elements.json')),
  typings: read('tests/release/baseline/citecard.d.ts'),
  version: read('tests/release/baseline/VERSION').trim(),
};
const names = ({ manifest, typings }) => new Set([...manifestNames(manifest), ...typingNames(typings)]);
const versions = (baselineVersion, currentVersion) => ({ baselineVersion, currentVersion });

test('no public name of the last release is gone, unless the major version changed', () => {
  const gone = removed(names(baseline), names(current), versions(baseline.version, current.version));
  assert.deepEqual(gone, [], `removed since ${baseline.version} without a new major version (now ${current.version})`);
});

test('the check finds a removed attribute, value, property, part, export or member', () => {
  const before = names(current);
  const manifest = structuredClone(current.manifest);
  const card = manifest.modules[0].declarations.find((d) => d.tagName === 'citation-card');
  card.attributes = card.attributes.filter((a) => a.name !== 'theme');
  card.cssParts = card.cssParts.filter((p) => p.name !== 'abstract');
  const typings = current.typings
    .replace("export type Variant = 'full' | 'compact';", "export type Variant = 'full';")
    .replace(/^export function styleInfo.*$/m, '')
    .replace('  warnings: string[];\n', '');
  assert.notEqual(typings, current.typings);
  const after = names({ manifest, typings });
  const same = versions(current.version, current.version);
  assert.deepEqual(removed(before, after, same), [
    'attribute <citation-card theme="auto">',
    'attribute <citation-card theme="dark">',
    'attribute <citation-card theme="light">',
    'attribute <citation-card theme>',
    'function styleInfo',
    'member StyleInfo.warnings',
    'parameter styleInfo(style)',
    'part <citation-card>::part(abstract)',
    "value Variant = 'compact'",
  ]);
  // A new major version may remove them; a minor or patch one may not.
  assert.deepEqual(removed(before, after, versions('1.4.2', '2.0.0')), []);
  assert.equal(removed(before, after, versions('1.4.2', '1.5.0')).length, 9);
  assert.deepEqual(removed(before, after, versions('0.1.3', '0.2.0')), []);
  assert.equal(removed(before, after, versions('0.1.3', '0.1.4')).length, 9);
});

test('compatibility lines follow Cargo: the first non-zero part', () => {
  assert.equal(compatibilityLine('2.3.4'), '2');
  assert.equal(compatibilityLine('0.3.4'), '0.3');
  assert.equal(compatibilityLine('0.0.4'), '0.0.4');
  assert.equal(compatibilityLine('1.0.0-beta.1'), '1');
});

const currentTypings = typings(current.typings);

/** The typings' properties of an interface: name → { values, string, number }. */
function typedProperties(interfaceName) {
  const { checker, exports } = currentTypings;
  const symbol = exports.find((s) => s.name === interfaceName);
  assert.ok(symbol, interfaceName);
  const properties = new Map();
  for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
    const type = checker.getTypeOfSymbol(property);
    const parts = type.isUnion() ? type.types : [type];
    properties.set(property.name, {
      values: parts.filter((t) => t.isStringLiteral()).map((t) => t.value).sort(),
      string: parts.some((t) => t.flags & ts.TypeFlags.String),
      number: parts.some((t) => t.flags & ts.TypeFlags.Number),
    });
  }
  return properties;
}

for (const [tag, attributesType, elementType] of [
  ['citation-card', 'CitationCardAttributes', 'CitationCardElement'],
  ['citation-list', 'CitationListAttributes', 'CitationListElement'],
]) {
  test(`<${tag}>: the manifest's attributes and properties are the typings'`, () => {
    const declaration = current.manifest.modules[0].declarations.find((d) => d.tagName === tag);
    const typed = typedProperties(attributesType);
    assert.deepEqual([...typed.keys()].sort(), declaration.attributes.map((a) => a.name).sort());
    for (const attribute of declaration.attributes) {
      const text = attribute.type.text;
      const values = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort();
      const { values: typedValues, string, number } = typed.get(attribute.name);
      assert.deepEqual(typedValues, values, `${attribute.name}: ${text}`);
      assert.equal(string, text === 'string', `${attribute.name} is text`);
      assert.equal(number, text === 'number', `${attribute.name} is a number`);
    }
    // Every property the manifest names is on the element's type, with the
    // same values as its attribute.
    const element = typedProperties(elementType);
    for (const member of declaration.members.filter((m) => m.kind === 'field')) {
      assert.ok(element.has(member.name), `${elementType}.${member.name}`);
      const attribute = typed.get(member.attribute);
      assert.deepEqual(element.get(member.name).values, attribute.values, `${member.name}'s values`);
    }
  });
}
