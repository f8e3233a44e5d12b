import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const PREFIX = '\0gql-document:';
const GENERATED = /[\\/]src[\\/]gql[\\/]graphql\.ts$/;
const DOCUMENT = /^export const (\w+) = (\{.*\}) as unknown as /gm;

/** A short fingerprint of a document's text (FNV-1a). */
function version(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * The client preset writes every document of the app into one module (src/gql/graphql.ts), and each
 * graphql(`...`) call becomes an import from it (the Babel optimizer in vite.config.ts). One module ends
 * up in one chunk: the programme's first load would download and evaluate the scanner's, the portal's
 * and the back office's documents too (~160 KB of object literals).
 *
 * This plugin serves that module as re-exports of one small module per document, so each document lands
 * in the chunk of the pages that use it. Each is built with JSON.parse, which V8 reads faster than an
 * object literal of the same size. Only the JavaScript changes: the types still come from graphql.ts.
 */
export function splitDocuments(): Plugin {
  const documents = new Map<string, string>();
  return {
    name: 'conference:split-documents',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : undefined;
    },
    load(id) {
      if (id.startsWith(PREFIX)) {
        const name = id.slice(PREFIX.length).split('?')[0];
        const json = documents.get(name);
        if (json === undefined) throw new Error(`split-documents: no document ${name} in src/gql/graphql.ts`);
        return `export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(json)});`;
      }
      if (!GENERATED.test(id)) return undefined;
      documents.clear();
      for (const [, name, json] of readFileSync(id, 'utf8').matchAll(DOCUMENT)) documents.set(name, json);
      // The id names the document's version, so the dev server reloads a document that codegen rewrote.
      return [...documents]
        .map(([name, json]) => `export { ${name} } from ${JSON.stringify(`${PREFIX}${name}?${version(json)}`)};`)
        .join('\n');
    },
  };
}
