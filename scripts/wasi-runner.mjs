// Runs a wasm32-wasip1 test binary under Node's built-in WASI, so the core's own
// `#[test]`s run in wasm exactly as they do natively (cargo passes the binary and
// the libtest arguments). Used as CARGO_TARGET_WASM32_WASIP1_RUNNER by ./dev.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv, env, exit } from 'node:process';

const [binary, ...args] = argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [binary, ...args], env, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(binary));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
