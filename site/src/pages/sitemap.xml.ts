import { loadCatalog } from '../lib/catalog.ts';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

export function GET({ site }: { site: URL | undefined }) {
  const base = site ?? new URL('http://localhost:4321');
  const catalog = loadCatalog();
  const paths = ['/', '/servers/', '/search/', ...catalog.servers.map((server) => server.url), ...catalog.tools.map((tool) => tool.url)];
  const body = paths.map((path) => `  <url><loc>${escapeXml(new URL(path, base).href)}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml' },
  });
}
