// The keys of interactive messages' and views' strings (DEFAULT_INTERACTIVE_STRINGS in
// src/ui/interactive/strings.ts holds their English), in the order the build packs the locale packs'
// interactive strings (scripts/locale-packs.ts). A chunk of its own that a non-English visitor fetches
// in parallel with their pack: the 11 packs no longer repeat the keys, and widget.js does not carry
// them twice.
export const INTERACTIVE_KEYS = [
  'optionsLabel', 'opensInNewTab', 'yourAnswer', 'earlier', 'later', 'previousDay', 'nextDay',
  'confirm', 'clearSelection', 'timesOn', 'slotDuration', 'noTimes', 'previousCard', 'nextCard',
  'position', 'carouselLabel', 'unsupported', 'unsupportedTemplate', 'viewLoading', 'viewFailed',
  'viewRetry', 'viewUnsupportedPart', 'viewCollapsed', 'viewSent', 'back', 'next', 'cancel', 'submit',
  'noMatchFound', 'optional', 'stepOf', 'copy', 'copied', 'selectPlaceholder', 'fixErrors', 'required',
  'invalidEmail', 'invalidNumber', 'invalidUrl', 'invalidDate', 'tooShort', 'tooLong', 'tooSmall',
  'tooLarge', 'patternMismatch', 'notAllowed',
] as const;

export type InteractiveKey = (typeof INTERACTIVE_KEYS)[number];
