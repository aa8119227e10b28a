// The floor for the site build: a plain Node script writing the same tool and server pages from
// template strings (escaped, with the same policy texts), no framework. Run as its own process:
//   node bin/run-ts.js bench/site-floor.ts <data-dir> <out-dir>
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderGatewayJson, renderInterceptJson, renderInterceptYaml, singleToolModel } from '../classifier/policy.ts';

const [dataDir, outDir] = process.argv.slice(2);
if (!dataDir || !outDir) throw new Error('usage: site-floor.ts <data-dir> <out-dir>');
process.env.TOOLRISK_DATA = dataDir;
const { loadIndex, loadServer } = await import('../site/src/lib/catalog.ts');

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
let pages = 0;
for (const summary of loadIndex().servers) {
  const server = loadServer(summary.slug);
  const rows = server.tools.map((tool) => `<tr><td><a href="${escape(tool.url)}">${escape(tool.name)}</a></td><td>${tool.classification.risk}</td><td>${tool.classification.category}</td></tr>`).join('');
  await mkdir(join(outDir, 'servers', server.slug), { recursive: true });
  await writeFile(join(outDir, 'servers', server.slug, 'index.html'), `<!doctype html><html lang="en"><title>${escape(server.name)}</title><h1>${escape(server.name)}</h1><table>${rows}</table></html>`);
  pages += 1;
  for (const tool of server.tools) {
    const c = tool.classification;
    const model = singleToolModel(c.policy);
    const html = `<!doctype html><html lang="en"><head><title>${escape(tool.name)}</title></head><body><h1>${escape(tool.name)}</h1>
<p>${c.risk} risk · ${c.category}</p><pre>${escape(tool.definition.description ?? '')}</pre>
<ul>${c.rationale.map((sentence) => `<li>${escape(sentence)}</li>`).join('')}</ul>
<ul>${c.evidence.map((quote) => `<li>${escape(quote.where)}: ${escape(quote.text)}</li>`).join('')}</ul>
<table>${c.signals.map((s) => `<tr><td>${s.family}</td><td>${s.effect}</td><td>${escape(s.text)}</td></tr>`).join('')}</table>
<pre>${escape(renderInterceptJson(model))}</pre><pre>${escape(renderInterceptYaml(model))}</pre><pre>${escape(renderGatewayJson(model))}</pre></body></html>`;
    const dir = join(outDir, 'tools', server.slug, tool.slug);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.html'), html);
    await mkdir(join(outDir, 'api', 'tools', server.slug), { recursive: true });
    await writeFile(join(outDir, 'api', 'tools', server.slug, `${tool.slug}.json`), JSON.stringify({ tool: tool.definition, classification: c }));
    pages += 1;
  }
}
console.log(`floor: ${pages} pages`);
