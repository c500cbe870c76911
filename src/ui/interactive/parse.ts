// Untrusted interactive message JSON -> typed template, or a reason why not (never throws).
// Lenient where the hosted widget is lenient (extra fields, missing optional fields, elements
// without a title are skipped), strict where rendering would otherwise lie to the user
// (no title, no usable elements, no usable time slots, unknown template type).
import { safeImageSrc, safeLinkHref } from '../content/url';
import type {
  CarouselCard,
  ImageRef,
  InteractiveTemplate,
  ParsedInteractive,
  PickerContent,
  PickerElement,
  PagingFields,
  TimeSlot,
} from './types';

/** Display limits of the hosted widget; longer text is cut with an ellipsis (replies keep the full text). */
export const DISPLAY_LIMITS = { title: 400, subtitle: 400, elementTitle: 400, elementSubtitle: 400, quickReply: 200 };
/** More than this many elements is not a chat message any more; the rest are ignored. */
export const MAX_ELEMENTS = 100;
/** Whole-message cap of the service (~20k chars); anything far beyond is refused before parsing. */
export const MAX_CONTENT_CHARS = 100_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function finiteNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function truncateForDisplay(value: string, limit: number): string {
  return value.length > limit ? `${value.slice(0, limit)}…` : value;
}

function image(source: Json): ImageRef | undefined {
  if (source.imageType !== undefined && source.imageType !== 'URL') return undefined;
  const src = safeImageSrc(source.imageData);
  if (!src) return undefined;
  return { src, alt: typeof source.imageDescription === 'string' ? source.imageDescription : '' };
}

function pickerElement(raw: unknown): PickerElement | undefined {
  if (!isObject(raw)) return undefined;
  const title = text(raw.title);
  if (!title) return undefined;
  if (raw.actionDetail === 'SHOW_MORE' || raw.actionDetail === 'PREVIOUS_OPTIONS') {
    return { kind: 'paging', title, action: raw.actionDetail };
  }
  if (typeof raw.type === 'string' && raw.type.toLowerCase() === 'hyperlink') {
    const href = safeLinkHref(raw.url);
    return href ? { kind: 'link', title, href } : { kind: 'link', title };
  }
  const subtitle = text(raw.subtitle);
  const img = image(raw);
  return { kind: 'option', title, ...(subtitle ? { subtitle } : {}), ...(img ? { image: img } : {}) };
}

function paging(content: Json): PagingFields {
  const out: PagingFields = {};
  if (typeof content.referenceId === 'string') out.referenceId = content.referenceId;
  if (typeof content.listId === 'string') out.listId = content.listId;
  if (typeof content.preIndex === 'number' && Number.isFinite(content.preIndex)) out.preIndex = content.preIndex;
  if (typeof content.nextIndex === 'number' && Number.isFinite(content.nextIndex)) out.nextIndex = content.nextIndex;
  return out;
}

type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

function pickerContent(content: Json, kind: string): Result<PickerContent> {
  const title = text(content.title);
  if (!title) return { ok: false, reason: `${kind} has no title` };
  if (!Array.isArray(content.elements)) return { ok: false, reason: `${kind} has no elements array` };
  const elements = content.elements
    .slice(0, MAX_ELEMENTS)
    .map(pickerElement)
    .filter((e): e is PickerElement => e !== undefined);
  if (elements.length === 0) return { ok: false, reason: `${kind} has no element with a title` };
  const subtitle = text(content.subtitle);
  const img = image(content);
  return {
    ok: true,
    value: { title, ...(subtitle ? { subtitle } : {}), ...(img ? { image: img } : {}), elements, paging: paging(content) },
  };
}

function timeslot(raw: unknown): TimeSlot | undefined {
  if (!isObject(raw) || typeof raw.date !== 'string' || Number.isNaN(Date.parse(raw.date))) return undefined;
  const duration = finiteNumber(raw.duration);
  return duration !== undefined && duration > 0 ? { date: raw.date, duration } : { date: raw.date };
}

function carouselCard(raw: unknown): CarouselCard | undefined {
  if (!isObject(raw)) return undefined;
  const type = raw.templateType;
  if (type !== 'ListPicker' && type !== 'Panel') return undefined;
  if (typeof raw.templateIdentifier !== 'string') return undefined;
  const content = isObject(raw.data) && isObject(raw.data.content) ? raw.data.content : undefined;
  if (!content) return undefined;
  const parsed = pickerContent(content, type);
  return parsed.ok ? { templateType: type, templateIdentifier: raw.templateIdentifier, content: parsed.value } : undefined;
}

function template(type: string, content: Json): Result<InteractiveTemplate> {
  switch (type) {
    case 'ListPicker':
    case 'Panel': {
      const parsed = pickerContent(content, type);
      return parsed.ok ? { ok: true, value: { templateType: type, ...parsed.value } } : parsed;
    }
    case 'QuickReply': {
      const title = text(content.title);
      if (!title) return { ok: false, reason: 'QuickReply has no title' };
      const elements = (Array.isArray(content.elements) ? content.elements : [])
        .slice(0, MAX_ELEMENTS)
        .map((e) => (isObject(e) ? text(e.title) : undefined))
        .filter((t): t is string => t !== undefined)
        .map((t) => ({ title: t }));
      if (elements.length === 0) return { ok: false, reason: 'QuickReply has no option with a title' };
      return { ok: true, value: { templateType: 'QuickReply', title, elements } };
    }
    case 'TimePicker': {
      const title = text(content.title);
      if (!title) return { ok: false, reason: 'TimePicker has no title' };
      const timeslots = (Array.isArray(content.timeslots) ? content.timeslots : [])
        .slice(0, MAX_ELEMENTS * 5)
        .map(timeslot)
        .filter((s): s is TimeSlot => s !== undefined);
      if (timeslots.length === 0) return { ok: false, reason: 'TimePicker has no valid time slot' };
      const subtitle = text(content.subtitle);
      const offset = finiteNumber(content.timeZoneOffset);
      const validOffset = offset !== undefined && Math.abs(offset) <= 24 * 60 ? offset : undefined;
      return {
        ok: true,
        value: {
          templateType: 'TimePicker',
          title,
          ...(subtitle ? { subtitle } : {}),
          ...(validOffset !== undefined ? { timeZoneOffset: validOffset } : {}),
          timeslots,
        },
      };
    }
    case 'Carousel': {
      const title = text(content.title);
      if (!title) return { ok: false, reason: 'Carousel has no title' };
      const cards = (Array.isArray(content.elements) ? content.elements : [])
        .slice(0, MAX_ELEMENTS)
        .map(carouselCard)
        .filter((c): c is CarouselCard => c !== undefined);
      if (cards.length === 0) return { ok: false, reason: 'Carousel has no valid ListPicker or Panel card' };
      return { ok: true, value: { templateType: 'Carousel', title, cards } };
    }
    case 'ViewResource': {
      const viewToken = text(content.viewToken);
      if (!viewToken) return { ok: false, reason: 'ViewResource has no viewToken' };
      const viewId = text(content.viewId);
      return {
        ok: true,
        value: { templateType: 'ViewResource', viewToken, ...(viewId ? { viewId } : {}), viewData: content.viewData },
      };
    }
    default:
      return { ok: false, reason: `unknown templateType "${type.slice(0, 60)}"` };
  }
}

/** Parses the Content of an `…message.interactive` item. */
export function parseInteractive(content: unknown): ParsedInteractive {
  let raw: unknown = content;
  if (typeof content === 'string') {
    if (content.length > MAX_CONTENT_CHARS) return { ok: false, reason: 'interactive message is too large' };
    try {
      raw = JSON.parse(content);
    } catch {
      return { ok: false, reason: 'interactive message is not valid JSON' };
    }
  }
  if (!isObject(raw)) return { ok: false, reason: 'interactive message is not a JSON object' };
  const type = typeof raw.templateType === 'string' ? raw.templateType : undefined;
  // Some documentation shows templates without the `content` level; accept both.
  const data = isObject(raw.data) ? raw.data : undefined;
  const body = data && isObject(data.content) ? data.content : data;
  const title = body ? text(body.title) : undefined;
  const known = (extra: { reason: string }): ParsedInteractive => ({
    ok: false,
    reason: extra.reason,
    ...(title ? { title } : {}),
    ...(type ? { templateType: type } : {}),
  });
  if (!type) return known({ reason: 'interactive message has no templateType' });
  if (!body) return known({ reason: `${type} has no data.content object` });
  const result = template(type, body);
  return result.ok ? { ok: true, template: result.value } : known({ reason: result.reason });
}

/** True when an interactive message's Content is a ViewResource (cheap check, no full parse). */
export function isViewResource(content: string): boolean {
  const parsed = parseInteractive(content);
  return parsed.ok ? parsed.template.templateType === 'ViewResource' : parsed.templateType === 'ViewResource';
}
