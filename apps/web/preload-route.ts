import type { Plugin } from 'vite';

/**
 * Adds `<link rel="modulepreload">` to index.html for a lazily loaded page's chunks (the page module and
 * the chunks it imports that the entry does not already load), so they download with the entry
 * instead of after it has run. For the page most people open first: every route gets index.html, so
 * other pages fetch these few KB too (the service worker precaches them anyway).
 */
export function preloadRoute(page: string): Plugin {
  return {
    name: 'conference:preload-route',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const loaded = new Set<string>();
        const walk = (name: string) => {
          if (loaded.has(name)) return;
          loaded.add(name);
          byName.get(name)?.imports.forEach(walk);
        };
        walk(entry.fileName);
        const target = chunks.find((c) => c.moduleIds.some((id) => id.replace(/\\/g, '/').endsWith(page)));
        if (!target) throw new Error(`preloadRoute: no chunk for ${page}`);
        const wanted: string[] = [];
        const add = (name: string) => {
          if (loaded.has(name)) return;
          loaded.add(name);
          wanted.push(name);
          byName.get(name)?.imports.forEach(add);
        };
        add(target.fileName);
        return wanted.map((name) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${name}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
