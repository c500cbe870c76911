// What the message box accepts: text is counted in characters as the service counts them (code
// points), and the box holds at most BOX_MAX_CHARS of them — a few messages' worth, so a long paste
// can still be edited down, but a huge one (megabytes) never freezes the page or goes into the draft.
import { characterCount } from '../../chat/content-types';
import { MESSAGE_MAX_LENGTH } from '../../config';

export const BOX_MAX_CHARS = 4 * MESSAGE_MAX_LENGTH;

/** The first `max` characters (code points) of `text`; walks only as far as it keeps. */
export function firstChars(text: string, max: number): string {
  let i = 0;
  for (let n = 0; n < max && i < text.length; n++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    i += pair ? 2 : 1;
  }
  return text.slice(0, i);
}

export interface Fitted {
  /** What goes into the box. */
  text: string;
  /** Characters left out (0 when everything fits). */
  dropped: number;
}

/** `inserted` going into a box that already holds `kept` other characters: what fits of it. */
export function fitInsert(inserted: string, kept: number, max = BOX_MAX_CHARS): Fitted {
  const room = Math.max(0, max - kept);
  // Cheap first: a short insert cannot be over (UTF-16 length >= characters).
  if (inserted.length <= room) return { text: inserted, dropped: 0 };
  const text = firstChars(inserted, room);
  return text.length === inserted.length ? { text, dropped: 0 } : { text, dropped: characterCount(inserted) - characterCount(text) };
}
