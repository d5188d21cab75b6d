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

/** Every public name a .d.ts declares: its exports, their members, and union values. */
export function typingNames(source, fileName = 'citecard.d.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const names = new Set();
  const text = (node) => node.getText(file);
  const exported = (node) => node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const members = (owner, list) => {
    for (const member of list) if (member.name) names.add(`member ${owner}.${text(member.name).replace(/['"]/g, '')}`);
  };
  const union = (owner, type) => {
    if (!type) return;
    if (ts.isUnionTypeNode(type)) for (const t of type.types) union(owner, t);
    else if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) names.add(`value ${owner} = '${type.literal.text}'`);
    else if (ts.isTypeLiteralNode(type)) members(owner, type.members);
    else if (ts.isIntersectionTypeNode(type)) for (const t of type.types) union(owner, t);
  };
  const visit = (node, global) => {
    if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
      for (const statement of node.body.statements) visit(statement, `${global ?? ''}${text(node.name)}.`);
      return;
    }
    const prefix = global ?? '';
    if (!global && !exported(node)) return;
    if (ts.isFunctionDeclaration(node) && node.name) {
      names.add(`function ${text(node.name)}`);
      for (const parameter of node.parameters) names.add(`parameter ${text(node.name)}(${text(parameter.name)})`);
    } else if (ts.isInterfaceDeclaration(node)) {
      names.add(`interface ${prefix}${text(node.name)}`);
      members(`${prefix}${text(node.name)}`, node.members);
    } else if (ts.isTypeAliasDeclaration(node)) {
      names.add(`type ${prefix}${text(node.name)}`);
      union(`${prefix}${text(node.name)}`, node.type);
    }
  };
  for (const statement of file.statements) {
    if (ts.isModuleDeclaration(statement) && text(statement.name) === 'global' && statement.body && ts.isModuleBlock(statement.body)) {
      for (const inner of statement.body.statements) visit(inner, 'global.');
    } else {
      visit(statement, null);
    }
  }
  return names;
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
