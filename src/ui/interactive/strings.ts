// Every fixed, user-visible string of interactive messages and views, with English defaults.
// The UI owns languages: it passes a partial or full `InteractiveStrings` through
// <InteractiveStringsContext.Provider value={...}> (or the `strings` prop of
// InteractiveMessage/ViewMessage); missing keys fall back to these defaults.
// Placeholders in braces ({current}, {total}, …) are filled by `formatString`.
import { useContext } from 'preact/hooks';
import { InteractiveStringsContext, PENDING_STRINGS, type InteractiveLocale } from './strings-context';

export const DEFAULT_INTERACTIVE_STRINGS = {
  // Pickers
  optionsLabel: 'Options',
  opensInNewTab: '(opens in a new tab)',
  yourAnswer: 'Your answer: {answer}',
  // TimePicker
  earlier: 'Earlier',
  later: 'Later',
  previousDay: 'Previous day',
  nextDay: 'Next day',
  confirm: 'Confirm',
  clearSelection: 'Clear selection',
  timesOn: 'Available times on {date}',
  slotDuration: '{minutes} min',
  noTimes: 'No times are available.',
  // Carousel
  previousCard: 'Previous',
  nextCard: 'Next',
  position: '{current} of {total}',
  carouselLabel: '{title}',
  // Fallbacks
  unsupported: PENDING_STRINGS.unsupported,
  unsupportedTemplate: 'This type of message is not supported.',
  // Views
  viewLoading: PENDING_STRINGS.viewLoading,
  viewFailed: 'This content could not be loaded.',
  viewRetry: 'Try again',
  viewUnsupportedPart: 'Part of this content cannot be shown.',
  viewCollapsed: 'Form',
  viewSent: 'Sent',
  back: 'Back',
  next: 'Next',
  cancel: 'Cancel',
  submit: 'Submit',
  noMatchFound: 'None of these',
  optional: 'optional',
  stepOf: 'Step {current} of {total}',
  copy: 'Copy',
  copied: 'Copied',
  selectPlaceholder: 'Select…',
  // Form validation
  fixErrors: 'Please correct the highlighted fields.',
  required: 'This field is required.',
  invalidEmail: 'Enter a valid email address.',
  invalidNumber: 'Enter a number.',
  invalidUrl: 'Enter a valid web address.',
  invalidDate: 'Enter a valid date.',
  tooShort: 'Enter at least {min} characters.',
  tooLong: 'Enter at most {max} characters.',
  tooSmall: 'Enter {min} or more.',
  tooLarge: 'Enter {max} or less.',
  patternMismatch: 'Check the format of this field.',
  notAllowed: 'Choose one of the listed values.',
};

export type InteractiveStrings = typeof DEFAULT_INTERACTIVE_STRINGS;
export type InteractiveStringKey = keyof InteractiveStrings;
export const INTERACTIVE_STRING_KEYS = Object.keys(DEFAULT_INTERACTIVE_STRINGS) as InteractiveStringKey[];

export { formatString, InteractiveStringsContext, type InteractiveLocale } from './strings-context';

export interface ResolvedLocale {
  strings: InteractiveStrings;
  locale: string | undefined;
  timeZone: string | undefined;
}

/** Merges defaults <- context <- prop override. */
export function resolveStrings(context: InteractiveLocale, override?: Partial<InteractiveStrings>): InteractiveStrings {
  return { ...DEFAULT_INTERACTIVE_STRINGS, ...pickStrings(context.strings), ...pickStrings(override) };
}

function pickStrings(input: Partial<InteractiveStrings> | undefined): Partial<InteractiveStrings> {
  const out: Partial<InteractiveStrings> = {};
  if (!input) return out;
  for (const key of INTERACTIVE_STRING_KEYS) {
    const value = input[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

export function useInteractiveLocale(override?: Partial<InteractiveStrings>): ResolvedLocale {
  const context = useContext(InteractiveStringsContext);
  return { strings: resolveStrings(context, override), locale: context.locale, timeZone: context.timeZone };
}
