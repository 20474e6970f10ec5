// Shared pieces of the end-to-end tests: a static server over the release build in dist/,
// and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir, stat, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
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
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `dist/` on 127.0.0.1 at a free port as a plain static host: a folder gives its
 * index.html, an unknown path 404 (the page's routes live in the fragment and need no rewrite).
 */
export async function startServer(directory = DIST) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(directory, path.endsWith('/') ? join(path, 'index.html') : path);
    let body;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The folder the sub-path host serves dist/ from. */
export const PREFIX = '/os/proclab/';

/**
 * A static host with dist/ at PREFIX: files as they are, a folder's index.html, a folder named
 * without its slash redirected to it (as nginx or GitHub Pages do), everything else 404. With
 * `fallback` it answers unknown paths with index.html instead: the rewrite rule earlier
 * versions needed, to replay their links. `root.directory` may be changed to deploy another build.
 */
export async function startHost({ fallback = false, directory = DIST } = {}) {
  const missing = [];
  const root = { directory };
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://x');
    const notFound = () => {
      missing.push(pathname);
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    };
    if (`${pathname}/` === PREFIX) {
      response.writeHead(301, { location: PREFIX });
      response.end();
      return;
    }
    if (!pathname.startsWith(PREFIX)) return notFound();
    const relative = normalize(decodeURIComponent(pathname.slice(PREFIX.length))).replace(/^(\.\.[/\\])+/, '');
    let file = join(root.directory, relative);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      if (!fallback) return notFound();
      response.writeHead(200, { 'content-type': TYPES['.html'] });
      response.end(await readFile(join(root.directory, 'index.html')));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}${PREFIX}`,
    missing,
    root,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const scratchDirectories = new Set();
process.on('exit', () => {
  for (const directory of scratchDirectories) rmSync(directory, { recursive: true, force: true });
});

/**
 * A new empty folder under the system's temporary folder, removed when this test file's process
 * ends (each browser profile is about 90 MB: left behind, a few hundred runs fill a disk).
 */
export async function scratchDirectory(prefix = 'proclab-') {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  scratchDirectories.add(directory);
  return directory;
}

/**
 * A fresh browser profile (nothing remembered) with the given browser language. Closing the
 * context removes the profile, and the temporary files Chromium made, which live inside it.
 */
export async function openBrowser({ locale = 'en-US', viewport = { width: 1280, height: 900 }, isMobile = false, hasTouch = false } = {}) {
  const scratch = await scratchDirectory('proclab-e2e-');
  const profile = join(scratch, 'profile');
  const temporary = join(scratch, 'tmp');
  await mkdir(temporary);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, TMPDIR: temporary },
    locale,
    viewport,
    isMobile,
    hasTouch,
    acceptDownloads: true,
  });
  const close = context.close.bind(context);
  context.close = async (...options) => {
    await close(...options);
    await rm(scratch, { recursive: true, force: true });
    scratchDirectories.delete(scratch);
  };
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
