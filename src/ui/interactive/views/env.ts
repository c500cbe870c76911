// What every view component can reach: how to send an action, whether actions are still
// allowed, strings, locale and the InputSchema (for validation).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { InteractiveStrings } from '../strings';
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

// No default: ViewRenderer always provides it (and so the renderer's chunk does not carry the
// English strings, which come with the templates' chunk that loads it).
export const ViewEnvContext = createContext<ViewEnv | null>(null);

export function useViewEnv(): ViewEnv {
  const env = useContext(ViewEnvContext);
  if (!env) throw new Error('a view component rendered outside ViewRenderer (views/renderer.tsx), which provides its ViewEnv');
  return env;
}
