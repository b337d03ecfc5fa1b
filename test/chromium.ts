/**
 * What the browser tests share: Debian's Chromium driven by playwright-core, headless, with
 * every request but the files of one folder refused before it leaves the machine; a visit that
 * records console errors and requests; screenshots saved in test-output/screenshots, and in
 * docs/screenshots for the README with CLAUSIER_UPDATE_SCREENSHOTS=1.
 *
 * `.ci/run` installs Chromium. Elsewhere, CLAUSIER_CHROMIUM names another Chromium, and
 * CLAUSIER_SKIP_BROWSER=1 skips these tests, knowingly.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './helpers.js';

export const EXECUTABLE = process.env.CLAUSIER_CHROMIUM ?? '/usr/bin/chromium';
export const SKIP_BROWSER = process.env.CLAUSIER_SKIP_BROWSER === '1';
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
/** Where each run saves its screenshots. */
const SAVED = join(ROOT, 'test-output', 'screenshots');
/** CLAUSIER_UPDATE_SCREENSHOTS=1 npm test rewrites docs/screenshots/*.png too. */
const UPDATE_SCREENSHOTS = process.env.CLAUSIER_UPDATE_SCREENSHOTS === '1';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium, headless, that may read the files of `dir` and nothing else. */
export async function openBrowser(dir: string): Promise<Browser> {
  if (!existsSync(EXECUTABLE))
    throw new Error(
      `no Chromium at ${EXECUTABLE}: install Debian's chromium (.ci/run does), set CLAUSIER_CHROMIUM, or skip with CLAUSIER_SKIP_BROWSER=1`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'clausier-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1200, height: 900 },
  });
  // Anything but a file of the page's folder is refused before it leaves the machine.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(pathToFileURL(dir).href)
      ? route.continue()
      : route.abort('blockedbyclient'),
  );
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Visit {
  page: Page;
  url: string;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every request the page made, the file itself included. */
  requests: string[];
}

/** Opens a file in a new page, recording console errors and requests. */
export async function visit(context: BrowserContext, file: string): Promise<Visit> {
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, errors, requests };
}

/**
 * Saves a screenshot in test-output/ (ignored by git), to look at or keep as a CI artefact; the
 * README's change only when asked, as fonts differ between machines.
 */
export function saveScreenshot(name: string, png: Buffer): void {
  expect(png.length, name).toBeGreaterThan(20_000);
  expect(png.length, name).toBeLessThan(1_500_000);
  for (const dir of UPDATE_SCREENSHOTS ? [SAVED, SCREENSHOTS] : [SAVED]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), png);
  }
}
