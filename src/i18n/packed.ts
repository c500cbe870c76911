// A locale pack as the build emits it (scripts/locale-packs.ts): its strings alone, one a line, in the
// order of its keys (en.ts's for the UI strings, interactive-keys.ts's for the interactive ones), which
// the widget has anyway. Without that transform (a bundler other than ours), the pack is still its
// object.

/** The strings of `pack` under `keys`, in order; an object pack is returned as it is. */
export function unpack<K extends string>(keys: readonly K[], pack: Record<K, string> | string): Record<K, string> {
  if (typeof pack !== 'string') return pack;
  const lines = pack.split('\n');
  const out = {} as Record<K, string>;
  keys.forEach((key, i) => (out[key] = lines[i]));
  return out;
}
