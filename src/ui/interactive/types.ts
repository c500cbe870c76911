// Typed shapes of interactive messages (chat-protocol.md §3.1) after validation by parse.ts.
// Nothing here is trusted yet for display: strings still go through SafeMarkdown/SafeText.

import { CONTENT_TYPE } from '../../chat/content-types';

/** The content types of interactive messages and their responses, from the one table (chat/content-types.ts). */
export const INTERACTIVE_CONTENT_TYPE: string = CONTENT_TYPE.interactive;
export const INTERACTIVE_RESPONSE_CONTENT_TYPE: string = CONTENT_TYPE.interactiveResponse;

/** An image given by URL; `src` is already checked to be absolute http(s). */
export interface ImageRef {
  src: string;
  /** imageDescription; empty string = decorative. */
  alt: string;
}

export type PagingAction = 'SHOW_MORE' | 'PREVIOUS_OPTIONS';

export type PickerElement =
  | { kind: 'option'; title: string; subtitle?: string; image?: ImageRef }
  /** type "hyperlink": a link, sends nothing. `href` is checked (http(s)/mailto) or absent. */
  | { kind: 'link'; title: string; href?: string }
  | { kind: 'paging'; title: string; action: PagingAction };

/** Fields sent back with SHOW_MORE / PREVIOUS_OPTIONS, exactly as received. */
export interface PagingFields {
  referenceId?: string;
  listId?: string;
  preIndex?: number;
  nextIndex?: number;
}

export interface PickerContent {
  title: string;
  subtitle?: string;
  image?: ImageRef;
  elements: PickerElement[];
  paging: PagingFields;
}

export interface ListPickerTemplate extends PickerContent {
  templateType: 'ListPicker';
}

export interface PanelTemplate extends PickerContent {
  templateType: 'Panel';
}

export interface QuickReplyTemplate {
  templateType: 'QuickReply';
  title: string;
  elements: Array<{ title: string }>;
}

export interface TimeSlot {
  /** The slot's date string as received (ISO 8601). */
  date: string;
  /** Minutes, when given. */
  duration?: number;
}

export interface TimePickerTemplate {
  templateType: 'TimePicker';
  title: string;
  subtitle?: string;
  /** Minutes, when given (e.g. -420). */
  timeZoneOffset?: number;
  timeslots: TimeSlot[];
}

export interface CarouselCard {
  templateType: 'ListPicker' | 'Panel';
  templateIdentifier: string;
  content: PickerContent;
}

export interface CarouselTemplate {
  templateType: 'Carousel';
  title: string;
  cards: CarouselCard[];
}

export interface ViewResourceTemplate {
  templateType: 'ViewResource';
  viewId?: string;
  viewToken: string;
  /** viewData as received: a JSON string or an object (parsed later, in views/view-data.ts). */
  viewData: unknown;
}

export type InteractiveTemplate =
  | ListPickerTemplate
  | PanelTemplate
  | QuickReplyTemplate
  | TimePickerTemplate
  | CarouselTemplate
  | ViewResourceTemplate;

export type TemplateType = InteractiveTemplate['templateType'];

export type ParsedInteractive =
  | { ok: true; template: InteractiveTemplate }
  /** `title` when one could be read, so the fallback can still show it. */
  | { ok: false; reason: string; title?: string; templateType?: string };

/** What a component asks the UI to send (ChatSession.send(content, contentType)). */
export interface InteractiveReply {
  contentType: string;
  content: string;
  /** What the transcript should show for it, when different from `content`. */
  display?: string;
  /** True for replies the transcript never shows (SHOW_MORE / PREVIOUS_OPTIONS). */
  hidden?: boolean;
}
