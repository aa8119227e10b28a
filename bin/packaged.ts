// The entry of the packaged command (`npm run pack`): the same CLI, bundled into one file, without
// the commands that need a clone of the repository (its data/ folder, the site's build tools).
import { main } from './cli.ts';

process.exitCode = await main(process.argv.slice(2), { packaged: true });
