#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx registers the loader; Node 20 has no type stripping).
import { register } from 'tsx/esm/api';

register();
// a reader that stops early (`toolrisk classify tools.json --json | head`) closes the pipe: what is left of the
// output has nowhere to go, which is not an error of the command (its exit code stays its own), nor a stack trace
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
