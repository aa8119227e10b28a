// `npm run screenshots`: builds the real catalog, serves it with `toolrisk serve`, and saves the
// README's screenshots (docs/screenshots/): the home, a server and a tool page at 1280 and 390 px,
// the first screen of each (what a visitor sees before scrolling), in Debian's Chromium.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium, buildSiteInto, serveWithToolrisk } from '../tests/helpers.ts';

// a well-known server and one of its riskier tools, so the pictures show a verdict worth reading
const SERVER = process.env.SCREENSHOT_SERVER ?? 'io.github.modelcontextprotocol__server-github';
const TOOL = process.env.SCREENSHOT_TOOL ?? 'create_or_update_file';

const work = await mkdtemp(join(tmpdir(), 'toolrisk-shots-'));
const out = join(work, 'dist');
await buildSiteInto(out);
const server = JSON.parse(await readFile(join(out, 'api', 'servers', `${SERVER}.json`), 'utf8')) as { tools: { name: string; url: string }[] };
const tool = server.tools.find((entry) => entry.name === TOOL) ?? server.tools[0]!;
const site = await serveWithToolrisk(out);
const browser = await launchChromium();
const target = join(ROOT, 'docs', 'screenshots');
await mkdir(target, { recursive: true });
try {
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 800 }, deviceScaleFactor: 1 });
    for (const [name, path] of [['home', '/'], ['server', `/servers/${SERVER}/`], ['tool', tool.url]] as const) {
      await page.goto(`${site.url}${path}`);
      await page.screenshot({ path: join(target, `${name}-${width}.png`) });
      console.error(`docs/screenshots/${name}-${width}.png ← ${path}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await site.stop();
  await rm(work, { recursive: true, force: true });
}
