// Interactive messages and views: what the transcript uses.
//
//   <InteractiveMessage content actionable answered? onReply describeView? strings? />
//   <ViewMessage content actionable answered? describeView onAction strings? />   (lazy renderer)
//   interactiveStates(entries) -> { actionableId, answers }     which message is live, what was answered
//   visibleEntries(entries)                                      drops paging requests and replaced lists
//   describeReply(contentType, content) -> { hidden, text }      how an own reply shows
//   latestIsView(entries) + viewFreeTextReply(text)              free text typed while a view is open
//   interactiveStyles, viewStyles (and content/styles contentStyles): adopt into the shadow root
//   DEFAULT_INTERACTIVE_STRINGS / InteractiveStringsContext: strings and locale from i18n
// This module must not import views/renderer.tsx: that chunk loads only when a view shows.
export { InteractiveMessage, type InteractiveMessageProps } from './interactive-message';
export { ViewMessage, type ViewMessageProps } from './views/view-message';
export { parseInteractive, isViewResource } from './parse';
export {
  titleReply,
  timeSlotReply,
  slotValue,
  carouselReply,
  carouselDisplay,
  pagingReply,
  viewActionReply,
  viewFreeTextReply,
  describeReply,
  type ReplyView,
} from './replies';
export { visibleEntries, interactiveStates, latestIsView, isHiddenReply, referenceIdOf, type EntryLike, type InteractiveStates } from './transcript';
export {
  DEFAULT_INTERACTIVE_STRINGS,
  INTERACTIVE_STRING_KEYS,
  InteractiveStringsContext,
  formatString,
  type InteractiveStrings,
  type InteractiveStringKey,
  type InteractiveLocale,
} from './strings';
export { interactiveStyles } from './styles';
export { viewStyles } from './views/styles';
export {
  INTERACTIVE_CONTENT_TYPE,
  INTERACTIVE_RESPONSE_CONTENT_TYPE,
  type InteractiveReply,
  type InteractiveTemplate,
  type ParsedInteractive,
} from './types';
