// The screenshots of the surfaces added for issue 10: the Windows-1251 quick fix, the target in
// the status bar with its quick pick, the report view after a send to the emulator, and the
// «РРО» view with the send history. Each waits for what it photographs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from './browser';

type Shot = (page: Page, name: string) => Promise<void>;
type OpenFile = (page: Page, name: string) => Promise<void>;

/** Windows-1251 by hand: А–я at C0–FF, Ё A8, ё B8, ASCII as is. */
export function windows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const u = c.codePointAt(0)!;
      if (u < 0x80) return u;
      if (u >= 0x410 && u <= 0x44f) return u - 0x410 + 0xc0;
      if (u === 0x401) return 0xa8;
      if (u === 0x451) return 0xb8;
      return 0x3f;
    }),
  );
}

/** A Windows-1251 copy of an appeal of the workspace, for the encoding picture. */
export function writeWindows1251Appeal(workspace: string): void {
  const text = fs.readFileSync(path.join(workspace, 'appeals', 'in-work.json'), 'utf8');
  fs.mkdirSync(path.join(workspace, 'из-1С'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'из-1С', 'обращение-1251.json'), windows1251(text));
}

export async function encodingFix(page: Page, shot: Shot, openFile: OpenFile): Promise<void> {
  await openFile(page, 'обращение-1251.json');
  // reopened in its own encoding: the Cyrillic name is on screen
  await page.locator('.monaco-editor .view-line', { hasText: 'Тестов' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+.');
  await page
    .locator('.action-widget .monaco-list-row', { hasText: 'UTF-8' })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  await shot(page, 'encoding-fix.png');
  await page.keyboard.press('Escape');
}

export async function targetPick(page: Page, shot: Shot): Promise<void> {
  const item = page.locator('.statusbar-item', { hasText: 'РРО:' }).first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  await item.click();
  const emulator = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Эмулятор' }).first();
  await emulator.waitFor({ state: 'visible', timeout: 15_000 });
  await shot(page, 'target-pick.png');
  await emulator.click();
  await page.locator('.statusbar-item', { hasText: 'эмулятор' }).first().waitFor({ timeout: 30_000 });
}

/** «Отправить в API» on the appeals folder from the Explorer, to the emulator: the report view. */
export async function sendReport(page: Page, shot: Shot): Promise<void> {
  await page.keyboard.press('Escape');
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: 'appeals' })
    .first()
    .click({ button: 'right' });
  await page.locator('.monaco-menu .action-label', { hasText: 'Отправить в API' }).first().click({ timeout: 15_000 });
  const others = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Отправить остальные' }).first();
  await others.click({ timeout: 60_000 });
  const send = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Отправить' }).first();
  await send.click({ timeout: 30_000 });
  await page
    .frameLocator('iframe.webview')
    .frameLocator('iframe')
    .locator('#retry')
    .waitFor({ state: 'visible', timeout: 60_000 });
  await shot(page, 'report-view.png');
}

export async function historyView(page: Page, shot: Shot): Promise<void> {
  // room for the «РРО» view: no panel, the folder tree folded
  await page.keyboard.press('Control+J');
  await page.locator('.pane-header[aria-expanded="true"]', { hasText: 'appeals-sample' }).first().click();
  // the «РРО» view sits in the Explorer under the folder; expand it if it is collapsed
  const collapsed = page.locator('.pane-header[aria-expanded="false"]', { hasText: 'РРО' }).first();
  if ((await collapsed.count()) > 0) await collapsed.click();
  await page
    .locator('.monaco-list-row', { hasText: 'История отправок' })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  // unfold the run by its twistie (a click on the label opens its report)
  const run = page.locator('.monaco-list-row[aria-expanded="false"]:has-text("принято") .monaco-tl-twistie').first();
  await run.waitFor({ timeout: 30_000 });
  await run.click();
  await page.locator('.monaco-list-row', { hasText: 'a26-result.json' }).first().waitFor({ timeout: 30_000 });
  await shot(page, 'history-view.png');
}

/** The walkthrough from Help → Get Started (the workbench's own strings are English here). */
export async function walkthrough(page: Page, shot: Shot): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { timeout: 15_000 });
  await page.keyboard.type('Open Walkthrough');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Walkthrough' })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  const ours = page.locator('.quick-input-list .monaco-list-row', { hasText: 'РРО' }).first();
  await ours.waitFor({ state: 'visible', timeout: 15_000 });
  await ours.click();
  await page
    .locator('.getting-started-step', { hasText: 'Проверьте папку' })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  await shot(page, 'walkthrough.png');
}
