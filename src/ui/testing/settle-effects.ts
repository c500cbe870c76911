// Vitest setup for the DOM tests (jsdom): Preact runs useEffect callbacks "after paint", on a timer of
// its own that calls cancelAnimationFrame when it fires. A test file that ends with such a timer still
// pending has its jsdom environment torn down first, so the timer then fires in plain Node and throws
// `cancelAnimationFrame is not defined` (an unhandled error, reported against whichever file runs).
// Here the after-paint flush goes through a scheduler that the tests can wait on: every test ends only
// once no flush is pending, so nothing of Preact's runs after its environment is gone.
import { afterAll, afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  const { options } = await import('preact');
  let pending = 0;
  const idle: Array<() => void> = [];
  options.requestAnimationFrame = (flush) => {
    pending += 1;
    setTimeout(() => {
      try {
        flush();
      } finally {
        pending -= 1;
        if (pending === 0) for (const done of idle.splice(0)) done();
      }
    });
  };
  const settle = async () => {
    // Renders are scheduled as microtasks or timers; a macrotask turn lets them queue their effects.
    await new Promise((resolve) => setTimeout(resolve));
    while (pending > 0) await new Promise<void>((resolve) => idle.push(resolve));
  };
  afterEach(settle);
  afterAll(settle);
}
