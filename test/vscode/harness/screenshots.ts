// `npm run screenshots`: the workbench (code-server + headless Chromium) on a copy of the fixture
// workspace with the extension loaded, driven like a user would, saved as PNGs in docs/images/.
// Every step waits for the element it photographs; nothing waits on a fixed delay.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STATUS_BY_ID } from '../../../server/src/format/table';
import { openBrowser, type Page } from './browser';
import { startCodeServer } from './codeServer';
import { workbenchUrl } from './codeServerRoute';
import { ensureToolchain } from './install';
import { cacheDir, copyWorkspace, extensionDir, repoRoot } from './paths';
import { prepareRunDir } from './runSuite';
import {
  encodingFix,
  historyView,
  sendReport,
  targetPick,
  walkthrough,
  writeWindows1251Appeal,
} from './screenshotSteps';

const OUT = path.join(repoRoot, 'docs', 'images');
/** The pictures show the extension as its users see it: in Russian. */
const LOCALE = 'ru';
const log = (line: string): void => void process.stderr.write(line + '\n');

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 15_000 });
  await page.keyboard.type(name);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active', { hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
}

async function goTo(page: Page, lineColumn: string): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { timeout: 15_000 });
  await page.keyboard.type(lineColumn);
  await page.keyboard.press('Enter');
}

async function shot(page: Page, name: string): Promise<void> {
  const file = path.join(OUT, name);
  await page.screenshot({ path: file });
  log(`wrote ${path.relative(repoRoot, file)}`);
}

async function problemsPanel(page: Page): Promise<void> {
  await openFile(page, 'status-typo.json');
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30_000 });
  await page.keyboard.press('Control+Shift+M');
  await page
    .locator('.markers-panel .monaco-list-row', { hasText: 'rro/' })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  await shot(page, 'problems.png');
}

async function statusHover(page: Page): Promise<void> {
  await openFile(page, 'in-work.json');
  // the token itself (an mtk span), not the whole line's span
  await page.locator('.monaco-editor .view-line span[class*="mtk"]', { hasText: '"InWork"' }).first().hover();
  const label = STATUS_BY_ID.get('InWork')?.label[LOCALE] ?? 'InWork';
  await page.locator('.monaco-hover', { hasText: label }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await shot(page, 'hover-status.png');
  await page.keyboard.press('Escape');
}

async function quickFixMenu(page: Page): Promise<void> {
  await openFile(page, 'quick-fix.json');
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30_000 });
  await goTo(page, '11:20');
  await page.keyboard.press('Control+.');
  await page
    .locator('.action-widget .monaco-list-row', { hasText: 'Answered' })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  await shot(page, 'quick-fix.png');
  await page.keyboard.press('Escape');
}

/** «РРО: Упаковать папку в ZIP» from the palette: the save dialog, the errors gate, the summary. */
async function packSummary(page: Page): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { timeout: 15_000 });
  await page.keyboard.type('Упаковать папку в ZIP');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'ZIP' })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  // the save dialog (VS Code's own in the browser) suggests <folder>.zip beside the folder
  // (the palette's own input is the same widget: wait for the dialog's listing of the parent
  // folder, which shows the workspace folder, before accepting)
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'appeals-sample' })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  const onlyValid = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'без ошибок' }).first();
  await onlyValid.waitFor({ state: 'visible', timeout: 30_000 });
  await shot(page, 'pack-gate.png');
  await onlyValid.click();
  // the summary goes to the notification center (no toast while the smoke-test driver runs
  // the page); open the center to show it
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { timeout: 15_000 });
  await page.keyboard.type('Notifications: Show Notifications');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page
    .locator('.notifications-center', { hasText: 'упаковано' })
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 15_000 });
  await shot(page, 'pack-summary.png');
}

async function main(): Promise<void> {
  const cache = cacheDir();
  const tc = await ensureToolchain(cache, log);
  const runDir = prepareRunDir(cache);
  // a readable folder name in the Explorer
  const workspace = path.join(runDir, 'appeals-sample');
  fs.renameSync(copyWorkspace(runDir), workspace);
  // the pictures show what a user sees by default: every file checked on startup
  fs.rmSync(path.join(workspace, '.vscode'), { recursive: true, force: true });
  writeWindows1251Appeal(workspace);
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startCodeServer(tc, runDir, LOCALE);
  try {
    const browser = await openBrowser(tc, runDir, { width: 1280, height: 760 });
    try {
      const { page } = browser;
      await page.goto(workbenchUrl(server.origin, { workspace, extensionDir }), { timeout: 60_000 });
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
      try {
        await problemsPanel(page);
        await statusHover(page);
        await quickFixMenu(page);
        await packSummary(page);
        await page.keyboard.press('Escape');
        await encodingFix(page, shot, openFile);
        await targetPick(page, shot);
        await sendReport(page, shot);
        await historyView(page, shot);
        await walkthrough(page, shot);
      } catch (e) {
        // what the page showed when a step gave up, to see why
        await page.screenshot({ path: path.join(runDir, 'failure.png') }).catch(() => undefined);
        throw new Error(
          `${e instanceof Error ? e.message : String(e)}\n(screen at failure: ${path.join(runDir, 'failure.png')})`,
        );
      }
    } finally {
      await browser.close().catch(() => undefined);
    }
  } finally {
    await server.group.stop();
  }
}

main().catch((e: unknown) => {
  log(`screenshots failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
