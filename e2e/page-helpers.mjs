// Helpers of the page tests (page.test.mjs): filling the editor through its forms, reading the
// numbers on screen, downloads, and the native CLI that must agree with the page.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { ROOT, openBrowser, openPage } from './harness.mjs';

const run = promisify(execFile);

export const WORKSPACE_KEY = 'proclab.workspace.v1';
export const LANGUAGE_KEY = 'proclab.lang';

/** The selector that is present once a run's metrics are on screen. */
export const RESULTS_READY = '#metrics-table tbody tr[data-pid]';

/**
 * Adds processes through `#add-process` and types their fields. `processes` is a list of
 * `{ name?, arrival, bursts, priority? }`; only the fields given are typed (priority only where the
 * chosen policy shows its column).
 */
export async function typeWorkload(page, processes) {
  const before = await page.locator('#workload tbody.process').count();
  for (let offset = 0; offset < processes.length; offset += 1) {
    const index = before + offset;
    await page.click('#add-process');
    await page.waitForSelector(`#p${index}-bursts`);
    // The new row's name is focused, ready to be typed over.
    await page.waitForFunction((id) => document.activeElement?.id === id, `p${index}-name`);
    const process = processes[offset];
    if (process.name !== undefined) await page.fill(`#p${index}-name`, process.name);
    if (process.arrival !== undefined) await page.fill(`#p${index}-arrival`, String(process.arrival));
    // The priority column shows only for policies that read it.
    if (process.priority !== undefined && (await page.$(`#p${index}-priority`))) {
      await page.fill(`#p${index}-priority`, String(process.priority));
    }
    if (process.bursts !== undefined) await page.fill(`#p${index}-bursts`, process.bursts);
  }
}

/** Picks a policy in `#policy-kind` and, when given, types its quantum. */
export async function choosePolicy(page, kind, quantum) {
  await page.selectOption('#policy-kind', kind);
  if (quantum !== undefined) {
    await page.waitForSelector('#quantum');
    await page.fill('#quantum', String(quantum));
  }
}

/** Waits until the results are shown, current (not stale), and no problem is reported. */
export async function waitForFreshResults(page) {
  await page.waitForSelector(RESULTS_READY);
  await page.waitForFunction(() => !document.querySelector('.results.stale') && !document.querySelector('#problems-banner'));
}

/** Every number of the run as shown: per process (by name, in table order) and the totals. */
export async function readNumbers(page) {
  return page.evaluate(() => {
    const text = (element) => (element ? element.textContent.trim() : null);
    const rows = [...document.querySelectorAll('#metrics-table tbody tr[data-pid]')].map((row) => ({
      pid: row.getAttribute('data-pid'),
      name: text(row.querySelector('th')),
      completion: text(row.querySelector('.completion')),
      turnaround: text(row.querySelector('.turnaround')),
      waiting: text(row.querySelector('.waiting')),
      response: text(row.querySelector('.response')),
    }));
    return {
      rows,
      averages: {
        turnaround: text(document.querySelector('#avg-turnaround')),
        waiting: text(document.querySelector('#avg-waiting')),
        response: text(document.querySelector('#avg-response')),
      },
      utilisation: text(document.querySelector('#utilisation')),
      contextSwitches: text(document.querySelector('#context-switches')),
    };
  });
}

/** Clicks `selector` and returns the download it starts: suggested name and bytes. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.click(selector)]);
  const failure = await file.failure();
  if (failure) throw new Error(`download from ${selector} failed: ${failure}`);
  const path = await file.path();
  return { name: file.suggestedFilename(), path, bytes: await readFile(path) };
}

/** `proclab ARGS...`: its standard output. Uses cargo so that a clean clone works. */
export async function proclab(...args) {
  const { stdout } = await run('cargo', ['run', '-q', '-p', 'proclab-cli', '--', ...args], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CARGO_TERM_COLOR: 'never' },
  });
  return stdout;
}

/** `proclab run FILE --format json`, parsed. */
export async function cliRun(file, ...extra) {
  return JSON.parse(await proclab('run', file, '--format', 'json', ...extra));
}

/** `proclab presets ID`: the preset's scenario as the core defines it. */
export async function cliPreset(id) {
  return JSON.parse(await proclab('presets', id));
}

/** Writes preset `id`'s scenario (as the core defines it) to `DIRECTORY/ID.json` and gives that path. */
export async function presetFile(directory, id) {
  const path = join(directory, `${id}.json`);
  await writeFile(path, JSON.stringify(await cliPreset(id)));
  return path;
}

/** Builds the CLI once, so that the first `cliRun` does not spend a test's time compiling. */
export async function buildCli() {
  await run('cargo', ['build', '-q', '-p', 'proclab-cli'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

/**
 * A core `Ratio` `{num, den}` as the page shows it: two decimals, rounded half up (`-` if den 0).
 * Mirrors `impl Display for Ratio` in proclab-core, in exact integer arithmetic.
 */
export function formatRatio({ num, den }) {
  if (BigInt(den) === 0n) return '-';
  const centi = (BigInt(num) * 100n + BigInt(den) / 2n) / BigInt(den);
  return `${centi / 100n}.${String(centi % 100n).padStart(2, '0')}`;
}

/** The numbers the CLI's JSON states, in the shape `readNumbers` returns. */
export function cliNumbers(output) {
  const { metrics } = output;
  const totals = metrics.totals;
  return {
    rows: metrics.processes.map((process) => ({
      pid: String(process.pid),
      name: process.name,
      completion: String(process.completion),
      turnaround: String(process.turnaround),
      waiting: String(process.waiting),
      response: String(process.response),
    })),
    averages: {
      turnaround: formatRatio(totals.average_turnaround),
      waiting: formatRatio(totals.average_waiting),
      response: formatRatio(totals.average_response),
    },
    utilisation: `${formatRatio({ num: BigInt(totals.utilisation.num) * 100n, den: totals.utilisation.den })} %`,
    contextSwitches: String(totals.context_switches),
  };
}

/** Parses simple CSV (quoted fields allowed) into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The saved workspace exactly as stored, or null. */
export async function savedWorkspace(page) {
  return page.evaluate((key) => localStorage.getItem(key), WORKSPACE_KEY);
}

/**
 * Fails the test on a JavaScript dialog (a hostile link must never run script) by recording it
 * with the page's other problems.
 */
export function watchDialogs(page, problems) {
  page.on('dialog', async (dialog) => {
    problems.push(`dialog opened: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
}

/**
 * Runs `body({ page, problems, context })` on a page of `url` in a fresh profile, once `ready`
 * (the app's title) is shown, then checks that the page reported no problem (a console error, a
 * failed request, a dialog). The profile is closed whatever happens.
 */
export async function onFreshPage(url, body, { locale = 'en-US', viewport, ready = '#app-title' } = {}) {
  const context = await openBrowser({ locale, viewport });
  try {
    const { page, problems } = await openPage(context, url);
    watchDialogs(page, problems);
    await page.waitForSelector(ready);
    await body({ page, problems, context });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

/**
 * Moves the playback to `tick` through the scrub bar and waits until the clock shows it, and with
 * `painted` until the machine's canvas has been painted at it.
 */
export async function scrubTo(page, tick, { painted = false } = {}) {
  await page.evaluate((value) => {
    const scrub = document.querySelector('#scrub');
    scrub.value = String(value);
    scrub.dispatchEvent(new Event('input', { bubbles: true }));
  }, tick);
  if (painted) {
    await page.waitForFunction((value) => document.querySelector('#watch-canvas')?.dataset.tick === String(value), tick);
  } else {
    await page.waitForFunction((value) => document.querySelector('#clock')?.textContent.startsWith(`t = ${value} `), tick);
  }
}
