import { describe, expect, it, vi } from 'vitest';
import { Emitter, type WidgetListener } from './events';
import { invoke } from './invoke';
import type { ConnectChatApi } from './api';

describe('Emitter', () => {
  it('delivers to listeners in order, off removes, a throwing listener does not stop the others', () => {
    const emitter = new Emitter();
    const seen: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const a = () => seen.push('a');
    emitter.on('open', a);
    emitter.on('open', () => {
      throw new Error('boom');
    });
    emitter.on('open', () => seen.push('c'));
    emitter.emit('open', undefined);
    emitter.off('open', a);
    emitter.emit('open', undefined);
    expect(seen).toEqual(['a', 'c', 'c']);
    expect(error).toHaveBeenCalledTimes(2);
    expect(String(error.mock.calls[0][0])).toContain('"open" listener threw');
    error.mockRestore();
  });

  it('refuses an unknown event name or a non-function, naming the events', () => {
    const emitter = new Emitter();
    expect(() => emitter.on('opened' as 'open', () => {})).toThrow(/unknown event "opened".*ready, open, close/);
    expect(() => emitter.on('open', 'x' as unknown as WidgetListener<'open'>)).toThrow(/must be a function/);
  });

  it('tells a late ready listener that the widget is ready', async () => {
    const emitter = new Emitter();
    emitter.emit('ready', undefined);
    const late = vi.fn();
    emitter.on('ready', late);
    expect(late).not.toHaveBeenCalled(); // not from inside on()
    await Promise.resolve();
    expect(late).toHaveBeenCalledTimes(1);
  });
});

describe('invoke (ConnectChat(method, ...args))', () => {
  const api = () => {
    const calls: unknown[][] = [];
    const fake = new Proxy({} as ConnectChatApi, {
      get: (_, name: string) => (...args: unknown[]) => {
        calls.push([name, ...args]);
        return name === 'endChat' ? Promise.reject(new Error('offline')) : undefined;
      },
    });
    return { fake, calls };
  };

  it('runs a known method with its arguments', () => {
    const { fake, calls } = api();
    const invalid = vi.fn();
    invoke(fake, 'setLocale', ['de'], invalid);
    expect(calls).toEqual([['setLocale', 'de']]);
    expect(invalid).not.toHaveBeenCalled();
  });

  it('reports an unknown method and runs nothing', () => {
    const { fake, calls } = api();
    const invalid = vi.fn();
    invoke(fake, 'destory', [], invalid);
    expect(calls).toEqual([]);
    expect(invalid.mock.calls[0][0]).toMatch(/unknown method "destory"; the methods are init, on, off, open/);
  });

  it('turns a rejection into a promise that settles (the error event already told the page)', async () => {
    const { fake } = api();
    await expect(invoke(fake, 'endChat', [], () => {})).resolves.toBeUndefined();
  });
});
