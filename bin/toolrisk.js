#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx registers the loader; Node 20 has no type stripping).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
