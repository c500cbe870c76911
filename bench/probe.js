// Injected into every bench page before any of the page's own scripts (Playwright addInitScript), so
// the observers see the whole page life. Plain JavaScript on purpose: code that crosses into the page
// must not depend on the TypeScript toolchain's helpers. Read back with `window.__bench`.
(() => {
  // Functions the bench sends into the page are compiled by tsx, which wraps named inner functions
  // in `__name(fn, "name")`; give the page that helper (it only names functions).
  if (typeof window.__name !== 'function') window.__name = (fn) => fn;
  const bench = {
    longTasks: [],
    frames50: [],
    shifts: [],
    events: [],
    messages: [],
  };
  const observe = (type, push) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) push(entry);
      }).observe({ type, buffered: true });
    } catch {
      bench[type + 'Unsupported'] = true;
    }
  };
  observe('longtask', (e) => bench.longTasks.push({ start: e.startTime, duration: e.duration }));
  // Long animation frames: rendering delayed 50 ms or more, whether by one long task or by many
  // short ones (a flood of socket messages), which the long-task figure alone would not show.
  observe('long-animation-frame', (e) =>
    bench.frames50.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      // Where the time went (kept in bench/results.json's details): the scripts that ran longest.
      scripts: [...(e.scripts ?? [])]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((x) => ({ duration: Math.round(x.duration), invoker: x.invoker, fn: x.sourceFunctionName, at: `${x.sourceURL.split('/').pop()}:${x.sourceCharPosition}` })),
    }),
  );
  // Shifts right after input are expected by the user and are not counted by CLS.
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) bench.shifts.push({ start: e.startTime, value: e.value });
  });

  /** Long tasks (>= 50 ms, the browser's own definition) that started at or after `since`. */
  bench.longTasksSince = (since) => bench.longTasks.filter((t) => t.start >= since);
  bench.longFramesSince = (since) => bench.frames50.filter((f) => f.start >= since);
  bench.cls = () => bench.shifts.reduce((sum, s) => sum + s.value, 0);

  // Frame gaps: the longest time between two animation frames is the longest the page was frozen,
  // including work shorter than a long task that still drops frames.
  let frameRun = null;
  bench.startFrames = () => {
    const run = { last: performance.now(), maxGap: 0, over50: 0, frames: 0, on: true };
    const tick = (now) => {
      if (!run.on) return;
      const gap = now - run.last;
      if (gap > run.maxGap) run.maxGap = gap;
      if (gap > 50) run.over50 += 1;
      run.frames += 1;
      run.last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    frameRun = run;
    return performance.now();
  };
  bench.stopFrames = () => {
    const run = frameRun;
    if (!run) return { maxGap: 0, over50: 0, frames: 0 };
    run.on = false;
    frameRun = null;
    return { maxGap: run.maxGap, over50: run.over50, frames: run.frames };
  };

  // ---- the widget, as a visitor sees it (its Shadow DOM, opened by the loader)
  bench.root = () => document.querySelector('[data-connect-chat]')?.shadowRoot ?? null;
  bench.launcher = () => {
    const root = bench.root();
    if (!root) return null;
    const buttons = [...root.querySelectorAll('button[aria-expanded]')];
    return buttons.find((b) => b.offsetParent !== null || b.getClientRects().length > 0) ?? null;
  };
  bench.dialog = () => {
    const d = bench.root()?.querySelector('[role=dialog]');
    return d && d.getClientRects().length > 0 ? d : null;
  };
  // The window's frame on screen: the shell loader.js draws on the click, or the window itself.
  bench.frame = () => {
    const f = bench.root()?.querySelector('.cw-shell, [role=dialog]');
    return f && f.getClientRects().length > 0 ? f : null;
  };
  bench.composer = () => {
    const t = bench.root()?.querySelector('[role=dialog] textarea');
    return t && !t.disabled && t.getClientRects().length > 0 ? t : null;
  };
  bench.log = () => bench.root()?.querySelector('[role=log]') ?? null;
  bench.logText = () => bench.log()?.textContent ?? '';
  // Shown = in the rendered rows of a window that is on screen (rows exist while it is closed, too).
  bench.shows = (text) => bench.dialog() !== null && bench.logText().includes(text);

  const conditions = {
    launcher: () => bench.launcher() !== null,
    dialog: () => bench.dialog() !== null,
    frame: () => bench.frame() !== null,
    composer: () => bench.composer() !== null,
    text: (text) => bench.shows(text),
    connected: () => bench.events.some((e) => e.name === 'connectionChange' && e.detail === 'connected'),
    messages: (n) => bench.messages.length >= n,
    // every string in the list is in the transcript's rendered rows
    allTexts: (list) => {
      if (bench.dialog() === null) return false;
      const text = bench.logText();
      return list.every((t) => text.includes(t));
    },
  };

  /**
   * Resolves with the time the condition became visible: checked in each animation frame (before
   * that frame paints), and timed in a task right after the frame, so style, layout and paint of the
   * frame that shows it are included.
   */
  bench.waitFor = (name, arg, timeoutMs = 30000) =>
    new Promise((resolve, reject) => {
      const check = conditions[name];
      if (!check) return reject(new Error('unknown condition ' + name));
      const started = performance.now();
      const step = () => {
        let ok = false;
        try {
          ok = check(arg);
        } catch {
          ok = false;
        }
        if (ok) return setTimeout(() => resolve(performance.now()), 0);
        if (performance.now() - started > timeoutMs) return reject(new Error(`timed out after ${timeoutMs} ms waiting for ${name} ${JSON.stringify(arg ?? '')}`));
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });

  /** Subscribes to the widget's API events (script-tag API; calls before the loader are queued). */
  bench.listen = () => {
    if (bench.listening) return;
    bench.listening = true;
    const cc = window.ConnectChat;
    if (typeof cc !== 'function') throw new Error('window.ConnectChat is not defined: the page has no snippet');
    for (const name of ['ready', 'open', 'close', 'chatStarted', 'message', 'connectionChange', 'chatEnded', 'error', 'unreadChange']) {
      cc('on', name, (detail) => {
        const at = performance.now();
        bench.events.push({ name, at, detail: name === 'message' ? undefined : detail });
        if (name === 'message' && detail && typeof detail === 'object') {
          bench.messages.push({ at, id: detail.id, content: typeof detail.content === 'string' ? detail.content : '', own: !!detail.own });
        }
      });
    }
  };
  bench.eventAt = (name, detail) => {
    const e = bench.events.find((x) => x.name === name && (detail === undefined || x.detail === detail));
    return e ? e.at : null;
  };

  /** Clicks the launcher and returns the click's time. */
  bench.clickLauncher = () => {
    const b = bench.launcher();
    if (!b) throw new Error('no launcher button in the widget root');
    const at = performance.now();
    b.click();
    return at;
  };

  /** Scrolls the transcript from the bottom to the top in steps, one per frame; returns what it saw. */
  bench.scrollTranscript = async (stepPx = 600, maxSteps = 100000) => {
    const log = bench.log();
    if (!log) throw new Error('no transcript ([role=log]) in the widget');
    // The scrolling element is the log itself or its nearest scrollable ancestor.
    let scroller = log;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement;
    if (!scroller) throw new Error('the transcript does not scroll');
    const since = bench.startFrames();
    let steps = 0;
    let stable = 0;
    while (steps < maxSteps) {
      const before = scroller.scrollTop;
      scroller.scrollTop = before - stepPx;
      await new Promise((r) => requestAnimationFrame(() => r()));
      steps += 1;
      // At the top, older history may still be loading: wait a few frames before calling it the end.
      if (scroller.scrollTop >= before) {
        stable += 1;
        if (stable > 30) break;
      } else stable = 0;
    }
    const frames = bench.stopFrames();
    const tasks = bench.longTasksSince(since);
    const longFrames = bench.longFramesSince(since);
    return {
      longestFrame: longFrames.reduce((m, f) => Math.max(m, f.duration), 0),
      longFrames: longFrames.length,
      steps,
      ms: performance.now() - since,
      frames,
      longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasks: tasks.length,
      slowest: longFrames.slice().sort((a, b) => b.duration - a.duration)[0] ?? null,
      scrollHeight: scroller.scrollHeight,
    };
  };

  // Listen to the widget's events from the start: the snippet defines ConnectChat in <head>, and
  // calls made before loader.js arrives are queued and replayed by it.
  document.addEventListener('DOMContentLoaded', () => {
    if (typeof window.ConnectChat === 'function') bench.listen();
  });

  window.__bench = bench;
})();
