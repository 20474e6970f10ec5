// Shared pieces of the end-to-end tests: a static server over the release build in dist/,
// and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// PROCLAB_DIST lets a second build (another worktree's) be tested without touching dist/.
export const DIST = process.env.PROCLAB_DIST ?? join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'target', 'e2e');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `dist/` on 127.0.0.1 at a free port; unknown paths get index.html (client-side routes). */
export async function startServer(directory = DIST) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(directory, path);
    let body;
    try {
      body = await readFile(file);
    } catch {
      file = join(directory, 'index.html');
      body = await readFile(file);
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A fresh browser profile (nothing remembered) with the given browser language. */
export async function openBrowser({ locale = 'en-US', viewport = { width: 1280, height: 900 } } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'proclab-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
    viewport,
    acceptDownloads: true,
  });
  return context;
}

/** Opens a page that records every console error and uncaught exception (a Rust panic is one). */
export async function openPage(context, url) {
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  return { page, problems };
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * True when the page's font renders `text` as real glyphs: each character is drawn on a canvas
 * with the page's font and compared with the box drawn for an unassigned code point (tofu).
 */
export async function rendersGlyphs(page, text) {
  return page.evaluate((sample) => {
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (character) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48; canvas.height = 48;
      const context = canvas.getContext('2d');
      context.font = `32px ${font}`;
      context.fillText(character, 4, 36);
      return Array.from(context.getImageData(0, 0, 48, 48).data).join(',');
    };
    const tofu = draw('\u0378');
    return [...sample].filter((c) => c.trim()).every((character) => draw(character) !== tofu);
  }, text);
}
