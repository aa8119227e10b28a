// `npm run pack`: builds the installable scan package into pkg/ and packs toolrisk-<version>.tgz.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackage } from '../scan/pack.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const result = await buildPackage(root, { onProblem: (message) => console.error(`warning: ${message}`) });
console.log(
  `pack: ${result.tarball} (command ${(result.bytes.bundle / 1024).toFixed(0)} KiB, catalog ${(result.bytes.catalog / 1024).toFixed(0)} KiB: ${result.catalogServers} servers, ${result.catalogTools} tools, crawled until ${result.crawledUntil.slice(0, 10)})`,
);
console.log(`install it anywhere: npm install -g ${result.tarball}   or   npx -p ${result.tarball} toolrisk scan`);
