/** Text for HTML and XML (SVG) content and attribute values. */
export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A small self-contained HTML page for the links in mails (confirm an address, reset a password,
 * unsubscribe): readable on a phone, no script, nothing from another origin. `title` is escaped;
 * `body` is HTML the caller built with escapeXml.
 */
export const htmlPage = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeXml(title)}</title>` +
  '<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.5}' +
  'button,input{font:inherit;padding:.6em .9em;border-radius:.4em;border:1px solid #666}input{width:100%;max-width:22em;box-sizing:border-box}' +
  'button{background:#0b5cad;color:#fff;border-color:#0b5cad;cursor:pointer}</style></head>' +
  `<body><h1>${escapeXml(title)}</h1>${body}</body></html>`;
