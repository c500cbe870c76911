// What the shots are taken in: every colour scheme × direction × device with the default theme, plus
// three brand colours (a light, a dark and a saturated one) in both schemes.

export interface Variant {
  /** Folder name, e.g. `dark-rtl-mobile` or `brand-yellow-light`. */
  name: string;
  scheme: 'light' | 'dark';
  rtl: boolean;
  mobile: boolean;
  viewport: { width: number; height: number };
  /** Options given to the widget besides the emulator's address. */
  config: Record<string, unknown>;
  /** Brand variants take the scenes that show colour (`Scene.brand`), not all of them. */
  brand: boolean;
}

export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 390, height: 844 };

/** Brand colours a site owner might set: a light, a dark and a saturated one. */
export const BRANDS: Record<string, string> = { yellow: '#ffd43b', navy: '#0b1f3a', magenta: '#e6007e' };

const PRECHAT = {
  intro: 'Tell us who you are and we will connect you.',
  fields: [
    { name: 'name', type: 'name', label: 'Name', required: true },
    { name: 'email', type: 'email', label: 'Email', required: true },
    { name: 'topic', type: 'select', label: 'Topic', options: [{ value: 'orders', label: 'Orders' }, { value: 'returns', label: 'Returns' }] },
  ],
};

export function allVariants(): Variant[] {
  const out: Variant[] = [];
  for (const scheme of ['light', 'dark'] as const)
    for (const rtl of [false, true])
      for (const mobile of [false, true])
        out.push({
          name: [scheme, rtl ? 'rtl' : 'ltr', mobile ? 'mobile' : 'desktop'].join('-'),
          scheme,
          rtl,
          mobile,
          viewport: mobile ? MOBILE : DESKTOP,
          config: { theme: { mode: 'auto' }, locale: rtl ? 'ar' : 'en', preChatForm: PRECHAT },
          brand: false,
        });
  for (const [brand, primary] of Object.entries(BRANDS))
    for (const scheme of ['light', 'dark'] as const)
      out.push({
        name: `brand-${brand}-${scheme}`,
        scheme,
        rtl: false,
        mobile: false,
        viewport: DESKTOP,
        config: { theme: { mode: 'auto', light: { primary }, dark: { primary } }, locale: 'en', preChatForm: PRECHAT },
        brand: true,
      });
  return out;
}
