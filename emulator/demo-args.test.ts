import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS, DemoUsage, customerPageStatus, parseDemoArgs } from './demo-args.js';

describe('parseDemoArgs', () => {
  it('defaults to the emulator on 8787 with the bot and the site on 8788', () => {
    expect(parseDemoArgs([])).toEqual({ port: 8787, sitePort: 8788, host: '127.0.0.1', bot: true });
    expect(DEMO_DEFAULTS.bot).toBe(true);
  });

  it('reads --no-bot, ports and host', () => {
    expect(parseDemoArgs(['--no-bot', '--port', '0', '--site-port', '9000', '--host', '0.0.0.0'])).toEqual({
      port: 0,
      sitePort: 9000,
      host: '0.0.0.0',
      bot: false,
    });
  });

  it('refuses a bad port or an unknown flag, saying what is wrong', () => {
    expect(() => parseDemoArgs(['--port', 'abc'])).toThrow('--port must be a port number 0..65535 (0 = a free port), got "abc"');
    expect(() => parseDemoArgs(['--bot-off'])).toThrow(/--bot-off/);
    expect(() => parseDemoArgs(['--help'])).toThrow(DemoUsage);
  });
});

describe('customerPageStatus', () => {
  it('says what is missing instead of pretending the widget exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'demo-'));
    expect(customerPageStatus(root)).toEqual({ ready: false, note: expect.stringContaining('index.html') });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    expect(customerPageStatus(root)).toEqual({ ready: false, note: expect.stringContaining('npm run build') });
    mkdirSync(join(root, 'dist', 'cdn'), { recursive: true });
    expect(customerPageStatus(root)).toEqual({ ready: true });
  });
});
