// A fresh in-process emulator for every test of a file, and a list of clean-ups run after each test
// (newest first) before the emulator closes.
import { afterEach, beforeEach } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness.js';
import type { EmulatorOptions } from '../../../emulator/index.js';

export interface PerTest {
  /** The current test's emulator. */
  readonly emu: TestEmulator;
  /** Runs after the current test. */
  later(cleanup: () => Promise<void> | void): void;
}

export function emulatorPerTest(options: EmulatorOptions = {}): PerTest {
  let emu: TestEmulator | undefined;
  const cleanup: (() => Promise<void> | void)[] = [];
  beforeEach(async () => {
    emu = await startTestEmulator(options);
  });
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
    await emu?.close();
    emu = undefined;
  });
  return {
    get emu() {
      if (!emu) throw new Error('emulatorPerTest: used outside a test');
      return emu;
    },
    later: (c) => void cleanup.push(c),
  };
}
