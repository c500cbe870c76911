// The Output (`data`) each view action sends, in one place (the reply wraps it as
// {"action","data","templateType":"ViewResource","version":"1.0"}; see interactive/replies.ts).
// chat-protocol.md §3.3 names the outputs ("output actionName", "output = item Id", …); the
// exact Output objects of the AWS renderer are not published, so these shapes are ours:
// "output X" becomes {"X": value}.
import type { FieldValue } from './validation';

/** The `data` of a view response: usually an object; a template's Output may be any JSON. */
export type ActionOutput = unknown;

/** cards / detail: an action of the chosen card's detail (or the card itself when it has none). */
export function actionSelectedOutput(actionName: string): Record<string, unknown> {
  return { actionName };
}

/** list: the chosen item. */
export function listItemOutput(id: string): Record<string, unknown> {
  return { Id: id };
}

/** form Next and any Button/ButtonGroup item with FormAction "submit": {FormData, ...the item's Output}. */
export function formOutput(values: Record<string, FieldValue>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { FormData: values, ...extra };
}

/** form Wizard: jump to a step. */
export function stepOutput(stepName: string): Record<string, unknown> {
  return { StepName: stepName };
}

/** confirmation Next. */
export function confirmationOutput(label: string): Record<string, unknown> {
  return { Label: label };
}

/** Back, Cancel, NoMatchFound and plain buttons carry no data. */
export function emptyOutput(): Record<string, unknown> {
  return {};
}
