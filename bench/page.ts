// Typed calls into the page's measuring script (bench/probe.js, `window.__bench`) and CDP figures.
import type { BrowserContext, Page } from '@playwright/test';

export interface LongTask {
  start: number;
  duration: number;
}

export interface FrameStats {
  maxGap: number;
  over50: number;
  frames: number;
}

export interface LongFrame {
  start: number;
  duration: number;
  blocking: number;
  /** The frame's longest scripts (LoAF attribution): who called them, and where. */
  scripts: { duration: number; invoker: string; fn: string; at: string }[];
}

export interface ScrollStats {
  /** Longest animation frame (LoAF, >= 50 ms) while scrolling; 0 = none. */
  longestFrame: number;
  longFrames: number;
  steps: number;
  ms: number;
  frames: FrameStats;
  longestTask: number;
  longTasks: number;
  /** The longest animation frame, with its attribution; null when none was 50 ms or more. */
  slowest: LongFrame | null;
  scrollHeight: number;
}

export interface BenchMessage {
  at: number;
  id: string;
  content: string;
  own: boolean;
}

export type WaitCondition = 'launcher' | 'dialog' | 'frame' | 'composer' | 'connected' | 'text' | 'messages' | 'allTexts';

export interface ProbeApi {
  longTasks: LongTask[];
  events: { name: string; at: number; detail: unknown }[];
  messages: BenchMessage[];
  longTasksSince(since: number): LongTask[];
  /** Long animation frames (rendering delayed >= 50 ms) that started at or after `since`. */
  longFramesSince(since: number): LongFrame[];
  cls(): number;
  startFrames(): number;
  stopFrames(): FrameStats;
  /**
   * performance.now() at the first frame where the condition holds: 'launcher' | 'dialog' |
   * 'composer' | 'connected' (null arg), 'text' (string), 'messages' (count), 'allTexts' (string[]).
   */
  waitFor(name: WaitCondition, arg?: unknown, timeoutMs?: number): Promise<number>;
  listen(): void;
  eventAt(name: string, detail?: unknown): number | null;
  clickLauncher(): number;
  scrollTranscript(stepPx?: number, maxSteps?: number): Promise<ScrollStats>;
  shows(text: string): boolean;
  /** The widget's transcript element ([role=log] in its Shadow DOM) and its rendered text. */
  log(): Element | null;
  /** The chat window ([role=dialog]) when it is on screen, else null. */
  dialog(): Element | null;
  logText(): string;
}

/**
 * Runs `fn` in the page with the probe. `fn` is sent as source text, so it must be self-contained
 * (no closures over Node variables); pass data through `arg` (JSON).
 */
export function inPage<T, A = undefined>(page: Page, fn: (bench: ProbeApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__bench, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

/** Milliseconds since the epoch of a page's performance.now() value (same machine clock as Node's Date.now()). */
export async function epochOf(page: Page, t: number): Promise<number> {
  return page.evaluate((x) => performance.timeOrigin + x, t);
}

export async function nowInPage(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** JS heap in use after a full garbage collection, via the DevTools protocol. */
export async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
