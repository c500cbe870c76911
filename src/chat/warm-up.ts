// The browser's first date formatting sets up its locale and time-zone data: about 25 ms, 100 ms on a
// slow phone (Chromium at 4x CPU), paid by whatever formats a date first. Every message on screen
// shows its time, so the chat's first message would pay it on its way to the screen. Done in a task
// of its own while the page waits for start-chat's answer (a round trip at least), nobody waits for it.

/** Sets up date formatting in the next task (after the request that started the wait went out). */
export function warmDateFormatting(): void {
  setTimeout(() => {
    try {
      new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(0);
    } catch {
      // No Intl here: nothing to set up.
    }
  }, 0);
}
