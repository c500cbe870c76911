// Named one-shot timers: setting one replaces the running timer of that name, so a debounce or a
// retry is one line; once the owner stopped, none start.
export class Timers {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly stopped: () => boolean) {}

  set = (name: string, ms: number, run: () => void): void => {
    const old = this.timers.get(name);
    if (old !== undefined) clearTimeout(old);
    if (this.stopped()) return;
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        run();
      }, ms),
    );
  };

  clear(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
