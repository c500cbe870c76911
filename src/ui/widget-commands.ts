// What a page may ask of the widget: one declaration for the widget's controller (ui/mount-widget.ts) and
// the public API (embed/api.ts, ConnectChatApi), which add what only they have.
import type { ConfigIssue, WidgetOptions } from '../config';

export interface WidgetCommands {
  /** Opens the chat window (a new chat starts when there is none and no pre-chat form comes first). */
  open(): void;
  close(): void;
  toggle(): void;
  /** Shows the launcher button. */
  show(): void;
  /** Hides the launcher button (open the window from your own button with `open()`; the window is unaffected). */
  hide(): void;
  /** Opens the window and starts a chat (the pre-chat form first, when configured). */
  startChat(): Promise<void>;
  /** Ends the chat for everyone (the agent sees the customer leave); the window stays open. */
  endChat(): Promise<void>;
  /** Switches the language ('auto' = the browser's); resolves once the strings are shown. */
  setLocale(locale: string): Promise<void>;
  /** Changes theme options at once; bad values are reported and keep their old value. */
  setTheme(theme: WidgetOptions['theme']): ConfigIssue[];
  /** Contact attributes for the next chat start, merged over `config.attributes`. */
  setAttributes(attributes: Record<string, string>): void;
}
