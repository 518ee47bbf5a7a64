// Lints files with the playground's WebAssembly engine under Node, for the test that compares
// it with the native command line: prints one JSON array, the `lint` answer for each file
// (named as given, read as UTF-8 text as the page reads it).
//   node scripts/lint-files.mjs FILE...
import { readFileSync } from 'node:fs';
import { initSync, lint } from '../wasm/asl_wasm.js';

initSync({ module: readFileSync(new URL('../wasm/asl_wasm_bg.wasm', import.meta.url)) });
const reports = process.argv.slice(2).map((file) => JSON.parse(lint(readFileSync(file, 'utf8'), file, '')));
process.stdout.write(JSON.stringify(reports));
