// Headless Debian Chromium driven by playwright-core (from the cache, not a project dependency;
// no browser download). Only the few calls the harness makes are typed here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Toolchain } from './install';

export interface ConsoleMessage {
  text(): string;
  type(): string;
}
export interface Locator {
  first(): Locator;
  click(options?: { timeout?: number; button?: 'left' | 'right' }): Promise<void>;
  hover(options?: { timeout?: number }): Promise<void>;
  waitFor(options?: { state?: 'visible' | 'attached' | 'hidden'; timeout?: number }): Promise<void>;
  count(): Promise<number>;
}
export interface FrameLocator {
  frameLocator(selector: string): FrameLocator;
  locator(selector: string, options?: { hasText?: string }): Locator;
}
export interface Page {
  on(event: 'console', listener: (m: ConsoleMessage) => void): void;
  exposeFunction(name: string, fn: (...args: unknown[]) => unknown): Promise<void>;
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string }): Locator;
  screenshot(options: { path: string }): Promise<unknown>;
  frameLocator(selector: string): FrameLocator;
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  evaluate<T>(fn: () => T): Promise<T>;
}
interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: {
    launchPersistentContext(
      userDataDir: string,
      options: {
        executablePath: string;
        headless: boolean;
        args: string[];
        viewport?: { width: number; height: number };
        locale?: string;
      },
    ): Promise<BrowserContext>;
  };
}

export interface Browser {
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(
  tc: Toolchain,
  runDir: string,
  viewport = { width: 1400, height: 900 },
  locale?: string,
): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded from the cache at run time
  const pw = require(tc.playwrightDir) as Playwright;
  const profile = path.join(runDir, 'chromium-profile');
  fs.mkdirSync(profile, { recursive: true });
  const ctx = await pw.chromium.launchPersistentContext(profile, {
    executablePath: tc.chromium,
    headless: true,
    viewport,
    locale,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  return { page, close: () => ctx.close() };
}
