import { addTypenameToDocument } from '@apollo/client/utilities';
import { type DocumentNode, print } from 'graphql';
import type { Plugin } from 'vite';

/**
 * Writes `bootstrap-queries.json` beside index.html: the texts of the queries whose answers the API
 * puts inside the programme's page (apps/api/src/web-bootstrap.ts), printed from the app's own
 * documents as the client sends them (with `__typename`), so the answers fill exactly the cache
 * entries the app reads.
 */
export function bootstrapQueries(documents: Record<string, DocumentNode>): Plugin {
  return {
    name: 'conference:bootstrap-queries',
    apply: 'build',
    generateBundle() {
      const texts = Object.fromEntries(
        Object.entries(documents).map(([name, document]) => [name, print(addTypenameToDocument(document))]),
      );
      this.emitFile({ type: 'asset', fileName: 'bootstrap-queries.json', source: JSON.stringify(texts, null, 1) });
    },
  };
}
