// A minimal typed event emitter. A throwing listener must not break the connection logic that
// emitted, so its error is rethrown on a fresh task where it shows up as an uncaught error.

export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(detail: never) => void>>();

  on<K extends keyof Events>(event: K, listener: (detail: Events[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends keyof Events>(event: K, detail: Events[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set] as Array<(detail: Events[K]) => void>) {
      try {
        listener(detail);
      } catch (error) {
        globalThis.setTimeout(() => {
          throw error;
        }, 0);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
