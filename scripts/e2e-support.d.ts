/** Types for scripts/e2e-support.js (plain Node, shared by tests/e2e and scripts/bench-browser.js). */
import type { BrowserContext, LaunchOptions, Page } from 'playwright-core';

export const ROOT: string;
export const DIST: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: readonly string[];
export function chromiumProblem(): string | undefined;
export function resolveChromium(): Promise<{ source: 'system' | 'bundled'; executablePath: string; args: string[] }>;
export function playgroundIsStale(): boolean;
export function ensureBuilt(log?: (line: string) => void): boolean;
export function startStaticServer(root?: string): Promise<{ url: string; close(): Promise<void> }>;
export function launchChromium(options?: Partial<LaunchOptions>): Promise<{ context: BrowserContext; page: Page; source: 'system' | 'bundled'; close(): Promise<void> }>;
