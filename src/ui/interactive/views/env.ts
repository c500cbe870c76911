// What every view component can reach: how to send an action, whether actions are still
// allowed, strings, locale and the InputSchema (for validation).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DEFAULT_INTERACTIVE_STRINGS, type InteractiveStrings } from '../strings';
import type { ActionOutput } from './outputs';

export interface ViewEnv {
  /** Sends the action (ignored while `disabled`). `display` is the label the customer chose. */
  emit: (action: string, data: ActionOutput, display: string) => void;
  disabled: boolean;
  strings: InteractiveStrings;
  locale?: string;
  inputSchema: unknown;
  /** InputData (the parsed viewData): the root `$` of bindings. */
  data: Record<string, unknown>;
}

export const ViewEnvContext = createContext<ViewEnv>({
  emit: () => undefined,
  disabled: true,
  strings: DEFAULT_INTERACTIVE_STRINGS,
  inputSchema: undefined,
  data: {},
});

export function useViewEnv(): ViewEnv {
  return useContext(ViewEnvContext);
}
