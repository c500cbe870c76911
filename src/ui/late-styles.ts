// Stylesheets of parts that load with import() (the interactive templates and views): their chunk
// registers its CSS here when it arrives, and every mounted widget re-applies its component sheet
// at once, before the part renders. Kept in this order ahead of the site owner's customCss.
const styles = new Set<string>();
const listeners = new Set<() => void>();

/** Adds a part's CSS to every widget on the page (once per text). */
export function addLateStyles(css: string): void {
  if (styles.has(css)) return;
  styles.add(css);
  listeners.forEach((apply) => apply());
}

/** The CSS registered so far, to append to the component styles. */
export const lateStyles = (): string => [...styles].join('');

/** Calls `apply` whenever CSS is added; returns the unsubscribe. */
export function onLateStyles(apply: () => void): () => void {
  listeners.add(apply);
  return () => listeners.delete(apply);
}
