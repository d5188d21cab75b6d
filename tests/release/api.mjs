// The public JS API of the npm package as names, read from its two
// descriptions: custom-elements.json (the elements: tags, attributes,
// properties, parts, custom properties) and citecard.d.ts (the exports,
// their members, and the values of each string-literal union). A release
// may add names; one that takes any away must change the major version.
import ts from 'typescript';

/** Every public name the manifest declares, as "kind path" strings. */
export function manifestNames(manifest) {
  const names = new Set();
  for (const module of manifest.modules ?? []) {
    for (const exported of module.exports ?? []) names.add(`export ${exported.name}`);
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement) continue;
      const tag = declaration.tagName;
      names.add(`element <${tag}>`);
      for (const attribute of declaration.attributes ?? []) {
        names.add(`attribute <${tag} ${attribute.name}>`);
        for (const value of literals(attribute.type?.text ?? '')) names.add(`attribute <${tag} ${attribute.name}="${value}">`);
      }
      for (const member of declaration.members ?? []) names.add(`property <${tag}>.${member.name}`);
      for (const part of declaration.cssParts ?? []) names.add(`part <${tag}>::part(${part.name})`);
      for (const property of declaration.cssProperties ?? []) names.add(`css <${tag}> ${property.name}`);
    }
  }
  return names;
}

/** The quoted values of a union written as text: `'a' | 'b'`. */
function literals(text) {
  return [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

/**
 * Every public name a .d.ts declares, as the TypeScript checker sees it:
 * its exports, their members (inherited ones too, so that moving members
 * into a base interface removes nothing), their parameters, the values of
 * each string-literal union, and what it adds to global interfaces.
 */
export function typingNames(source) {
  const { checker, file, exports } = typings(source);
  const ours = (symbol) => symbol.declarations?.some((d) => d.getSourceFile() === file) ?? false;
  const names = new Set();

  const describe = (symbol, name) => {
    if (symbol.flags & ts.SymbolFlags.Function) {
      names.add(`function ${name}`);
      for (const signature of checker.getSignaturesOfType(checker.getTypeOfSymbol(symbol), ts.SignatureKind.Call)) {
        for (const parameter of signature.parameters) names.add(`parameter ${name}(${parameter.name})`);
      }
      return;
    }
    if (symbol.flags & ts.SymbolFlags.Namespace) {
      for (const inner of checker.getExportsOfModule(symbol)) describe(inner, `${name}.${inner.name}`);
      return;
    }
    if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) return;
    names.add(`${symbol.flags & ts.SymbolFlags.Interface ? 'interface' : 'type'} ${name}`);
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    for (const part of type.isUnion() ? type.types : [type]) {
      if (part.isStringLiteral()) names.add(`value ${name} = '${part.value}'`);
    }
    for (const property of checker.getPropertiesOfType(type)) {
      if (ours(property)) names.add(`member ${name}.${property.name}`);
    }
  };

  for (const symbol of exports) describe(symbol, symbol.name);
  // What the file adds inside `declare global { … }`.
  for (const statement of file.statements) {
    if (!ts.isModuleDeclaration(statement) || statement.name.getText(file) !== 'global' || !statement.body) continue;
    for (const inner of statement.body.statements) {
      if (inner.name) describe(checker.getSymbolAtLocation(inner.name), `global.${inner.name.getText(file)}`);
    }
  }
  return names;
}

/**
 * The TypeScript checker over a .d.ts given as text (with the ES2022 and
 * DOM libraries): its `checker`, the `file`, and the file's `exports`.
 */
export function typings(source) {
  const fileName = '/citecard.d.ts';
  const options = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === fileName ? ts.createSourceFile(name, source, language, true) : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === fileName || fileExists.call(host, name);
  host.readFile = (name) => (name === fileName ? source : readFile.call(host, name));
  const program = ts.createProgram([fileName], options, host);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(fileName);
  return { checker, file, exports: checker.getExportsOfModule(checker.getSymbolAtLocation(file)) };
}

/** The major part of a version for compatibility, as Cargo reads it: 1.2.3 → "1", 0.2.3 → "0.2", 0.0.3 → "0.0.3". */
export function compatibilityLine(version) {
  const [major, minor, patch] = version.split(/[.-]/);
  if (major !== '0') return major;
  if (minor !== '0') return `0.${minor}`;
  return `0.0.${patch}`;
}

/**
 * The names `baseline` has and `current` lacks, unless the version moved
 * to another compatibility line (then none counts).
 */
export function removed(baseline, current, { baselineVersion, currentVersion }) {
  if (compatibilityLine(baselineVersion) !== compatibilityLine(currentVersion)) return [];
  return [...baseline].filter((name) => !current.has(name)).sort();
}
