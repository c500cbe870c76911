// Locale packs as the browser downloads them. A source pack is a readable object,
// `{ title: 'Chatten Sie mit uns', … }`, with the same keys in every language: src/i18n/locales/*.ts
// those of en.ts (in widget.js already), src/i18n/interactive/*.ts those of interactive-keys.ts (a
// small chunk of its own, fetched beside the pack). So the build emits each pack's strings alone, one
// a line, in the order of those keys (a string literal in place of the object), and src/i18n/packed.ts
// puts the keys back when the pack is loaded. The 11 packs' chunks: 32.16 KB gzip -> 21.97 KB with
// the keys' chunk (brotli 27.61 -> 19.48); widget.js +83 B for the unpacking and the keys' import.
//
// The transform reads the sources with the TypeScript parser, so it fails the build with the file and
// the key at fault when a pack misses a key, has one too many, or gives a value that is not a plain
// string.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

/** The separator of the packed form: no string of a pack may contain it (checked). */
export const PACK_SEPARATOR = '\n';

interface PackObject {
  /** The object literal's span in the source (start, end). */
  start: number;
  end: number;
  entries: [string, string][];
}

/** The one object literal of a pack's source (en.ts, locales/*.ts), its entries in source order. */
export function readPackObject(source: string, file: string): PackObject {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const objects: ts.ObjectLiteralExpression[] = [];
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations)
      if (declaration.initializer && ts.isObjectLiteralExpression(declaration.initializer)) objects.push(declaration.initializer);
  }
  if (objects.length !== 1) throw new Error(`${file}: a locale pack is one \`const … = { key: 'text', … }\`; found ${objects.length} object literals`);
  const [object] = objects;
  const entries = object.properties.map((property): [string, string] => {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)))
      throw new Error(`${file}: ${property.getText(sf)}: every entry of a locale pack must be \`key: 'text'\``);
    const key = property.name.text;
    const value = property.initializer;
    if (!ts.isStringLiteral(value) && !ts.isNoSubstitutionTemplateLiteral(value))
      throw new Error(`${file}: ${key}: the value must be a plain string literal, not ${value.getText(sf)}`);
    return [key, value.text];
  });
  return { start: object.getStart(sf), end: object.getEnd(), entries };
}

/** The keys of interactive-keys.ts: its one array literal of strings, in order. */
export function readKeyList(source: string, file: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const lists: ts.ArrayLiteralExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node)) lists.push(node);
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  if (lists.length !== 1) throw new Error(`${file}: the keys are one array literal of strings; found ${lists.length} array literals`);
  return lists[0].elements.map((element) => {
    if (!ts.isStringLiteral(element)) throw new Error(`${file}: ${element.getText(sf)}: every key must be a string literal`);
    return element.text;
  });
}

/** The strings of `entries` in the order of `keys`, one a line; throws on a missing, extra or two-line string. */
export function packStrings(entries: readonly [string, string][], keys: readonly string[], file: string): string {
  const values = new Map(entries);
  const extra = entries.map(([k]) => k).filter((k) => !keys.includes(k));
  if (extra.length) throw new Error(`${file}: keys that the pack's key list does not have: ${extra.join(', ')}`);
  const missing = keys.filter((k) => !values.has(k));
  if (missing.length) throw new Error(`${file}: keys missing: ${missing.join(', ')}`);
  return keys
    .map((k) => {
      const text = values.get(k)!;
      if (text.includes(PACK_SEPARATOR)) throw new Error(`${file}: ${k}: a string on two lines cannot be packed`);
      return text;
    })
    .join(PACK_SEPARATOR);
}

/** The source of a locale pack with its object replaced by the packed string, in the order of `keys`. */
export function packLocaleSource(source: string, keys: readonly string[], file: string): string {
  const object = readPackObject(source, file);
  return `${source.slice(0, object.start)}${JSON.stringify(packStrings(object.entries, keys, file))}${source.slice(object.end)}`;
}

/** Packs src/i18n/locales/*.ts and src/i18n/interactive/*.ts in Vite builds (the npm library and the script-tag widget). */
export function localePacksPlugin(): Plugin {
  const pack = /[\\/]src[\\/]i18n[\\/](locales|interactive)[\\/][\w-]+\.ts$/;
  return {
    name: 'connect-chat-locale-packs',
    enforce: 'pre',
    transform(code, id) {
      // An id with a query (`de.ts?source`) does not match: the tests import the sources so.
      const kind = pack.exec(id)?.[1];
      if (!kind) return null;
      const keysFile = join(dirname(id), '..', kind === 'locales' ? 'en.ts' : 'interactive-keys.ts');
      this.addWatchFile(keysFile);
      const keysSource = readFileSync(keysFile, 'utf8');
      const keys = kind === 'locales' ? readPackObject(keysSource, keysFile).entries.map(([k]) => k) : readKeyList(keysSource, keysFile);
      return { code: packLocaleSource(code, keys, id), map: null };
    },
  };
}
