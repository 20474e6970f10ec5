// Runs a wasm32-wasip1 test binary under Node's built-in WASI, so the core's own `#[test]`s run
// in wasm exactly as they do natively (cargo passes the binary and the libtest arguments). Used
// as CARGO_TARGET_WASM32_WASIP1_RUNNER by ./dev.
//
// Node 20 sometimes crashes (SIGSEGV) while tearing down after a WASI program has returned. The
// verdict is libtest's, so the test binary runs in a child process: a child that printed its
// final `test result: ok.` line and then died in teardown counts as the pass it reported; a
// child that died before its verdict is run again (twice at most), and then fails.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv, env, exit, execPath, stdout, stderr } from 'node:process';
import { fileURLToPath } from 'node:url';

const CHILD = '--proclab-wasi-child';

if (argv[2] === CHILD) {
  const [binary, ...args] = argv.slice(3);
  const wasi = new WASI({ version: 'preview1', args: [binary, ...args], env, returnOnExit: true });
  const module = await WebAssembly.compile(await readFile(binary));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  exit(wasi.start(instance));
} else {
  const script = fileURLToPath(import.meta.url);
  for (let attempt = 1; ; attempt += 1) {
    const child = spawnSync(execPath, ['--no-warnings', script, CHILD, ...argv.slice(2)], {
      env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    stdout.write(child.stdout ?? '');
    stderr.write(child.stderr ?? '');
    if (child.signal === null) exit(child.status ?? 1);
    const verdict = /^test result: (ok|FAILED)\./m.exec(child.stdout ?? '');
    if (verdict) {
      stderr.write(`wasi-runner: node died by ${child.signal} after the verdict; the verdict stands\n`);
      exit(verdict[1] === 'ok' ? 0 : 101);
    }
    if (attempt === 3) {
      stderr.write(`wasi-runner: node died by ${child.signal} before the verdict, ${attempt} times\n`);
      exit(1);
    }
    stderr.write(`wasi-runner: node died by ${child.signal} before the verdict; running again\n`);
  }
}
