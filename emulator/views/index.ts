// View resources of the emulator: what DescribeView returns for the AWS-managed views (cards, detail,
// list, form, confirmation) and the custom views DeliveryOptions and ReturnRequest, plus sample
// ViewData for each (used by the demo bot, the agent console and renderer tests).
//
// ─── Template vocabulary (what a renderer must support) ──────────────────────────────────────────────
// Template = { Head: { Title, Configuration?: { Layout: { Columns: ["8","4"] } } }, Body: Component[] }
// Component = { _id, Type, Props, Content?: (Component | string)[], Configuration?: { Layout } }
// Layout: Columns are widths in twelfths; child i takes Columns[i % Columns.length]. Head.Configuration
//   lays out Body; a Form's / FormSection's own Configuration lays out its Content. Renderers may stack
//   columns in a narrow chat window.
// Bindings: a string Props value (at any depth) or Content string that is exactly `$`, `$.Path`, `@`
//   or `@.Path` is replaced by data. `$` = the ViewData root, `@` = the current ForEach element.
//   Path = `.Name` and `[index]` steps. Unresolved → the prop is absent. No interpolation inside text.
// Common props: Visible (binding; falsy/empty/missing hides the component and its subtree),
//   Output (any JSON, bindings resolved) = the data sent with the component's Action.
// Sending an action: {"action": Action, "data": Output ?? {}, "templateType":"ViewResource","version":"1.0"}
//   as …message.interactive.response (chat-protocol.md §3.2).
//
// Container    Props { ForEach?: binding to an array, CardsPerRow?: number|"1".."12", Direction?: "row"|"column" }
//              ForEach renders Content once per element with `@` = element; when the element has a
//              string `Type` naming a component, only the Content templates of that Type are rendered.
// Card         Props { Id?, Heading, Description?, Icon?, Status?, Action?, Output? } Content: children
//              (shown inside the card). With Action the whole card is one button.
// Button       Props { Action, Variant?: "primary"|"secondary"|"link", Output? } Content: [label text]
// ButtonGroup  Props { Items: [{ Label, Action, Variant?, FormAction?: "submit"|"none", Output?, Visible? }] }
//              FormAction "submit" (inside a Form) sends Output = { FormData: {Name: value}, ...Output }.
// Form         Props { HideBorder?: boolean } Content: FormSections, inputs and a ButtonGroup.
// FormSection  Props { Heading? } Configuration?: Layout  Content: inputs (or Containers of inputs)
// FormInput    Props { Name, Label, InputType?: "text"|"email"|"number"|"tel"|"url"|"password",
//              DefaultValue?: string, Fluid?: boolean }           FormData value: string
// DatePicker   Props { Name, Label, DefaultValue?: "YYYY-MM-DD" }  FormData value: "YYYY-MM-DD"
// Dropdown     Props { Name, Label, Options: [{ Label, Value }], DefaultValue?: string[] }
//              FormData value: string[] (selected Values)
// TextContent  Props { Variant?: "heading"|"subheading"|"body"|"caption"|"error"|"graphic", Icon? }
//              Content: [plain text] (never markup). Variant "graphic" with Icon "success" and empty
//              Content = the confirmation graphic.
// AttributeBar Props { Attributes: [{ Label, Value, LinkType?, ResourceId?, Copyable? }] }
//              (LinkType "external": ResourceId is an http(s) URL.)
// DataSection  Props { Heading?, Items: [{ Label, Value }] }
// Wizard       Props { Steps: [{ Heading, Optional? }], CurrentStep?: number (0-based), Action?: "Step" }
//              Choosing a step sends Action with Output { StepName: step Heading }.
// Icons are names ("Truck", "success"): a renderer shows a known glyph or nothing.
// The rules as code: ./bindings.ts (expandTemplate, resolveValue, childrenFor).
// ─────────────────────────────────────────────────────────────────────────────────────────────────────
import { CUSTOM_VIEWS } from './custom.js';
import { MANAGED_VIEWS } from './managed.js';
import { checkAgainstSchema } from './schema.js';
import type { DescribedView, JsonValue, ViewDefinition } from './types.js';

export type { DescribedView, JsonValue, ViewComponent, ViewDefinition, ViewTemplate, JsonSchema, ComponentType } from './types.js';
export { COMPONENT_TYPES } from './types.js';
export { EMULATOR_INSTANCE_ARN } from './custom.js';

const ALL_VIEWS: ViewDefinition[] = [...MANAGED_VIEWS, ...CUSTOM_VIEWS];

/** Matches `arn:aws:connect:<region>:aws:view/<name>[:<version>]` (managed views, any region). */
const MANAGED_ARN = /^arn:aws:connect:[a-z0-9-]+:aws:view\/([^:/]+)(?::([^:/]+))?$/;

function findDefinition(nameOrArn: string): ViewDefinition | undefined {
  const managed = MANAGED_ARN.exec(nameOrArn);
  if (managed) {
    const [, name, version] = managed;
    return MANAGED_VIEWS.find((view) => view.Name === name && versionMatches(view, version));
  }
  for (const view of ALL_VIEWS) {
    if (view.Name === nameOrArn || view.Id === nameOrArn || view.Arn === nameOrArn) return view;
    const unqualified = view.Arn.slice(0, view.Arn.lastIndexOf(':'));
    if (nameOrArn === unqualified) return view;
    if (nameOrArn.startsWith(`${unqualified}:`) && versionMatches(view, nameOrArn.slice(unqualified.length + 1))) return view;
  }
  return undefined;
}

function versionMatches(view: ViewDefinition, version: string | undefined): boolean {
  return version === undefined || version === '$LATEST' || version === String(view.Version);
}

/**
 * The view as DescribeView's `View` member: Template and InputSchema as JSON strings.
 * Accepts the view's Name ("cards", "DeliveryOptions"), Id, or ARN (with or without `:version`,
 * `:$LATEST` allowed). Returns undefined for anything else.
 */
export function getView(nameOrArn: string): DescribedView | undefined {
  const view = findDefinition(nameOrArn);
  if (!view) return undefined;
  return {
    Id: view.Id,
    Arn: view.Arn,
    Name: view.Name,
    Version: view.Version,
    Content: {
      Template: JSON.stringify(view.Template),
      InputSchema: JSON.stringify(view.InputSchema),
      Actions: [...view.Actions],
    },
  };
}

/** Names of every view the emulator knows, managed first. */
export function listViews(): string[] {
  return ALL_VIEWS.map((view) => view.Name);
}

/** The view's definition as objects (for tests and tools); undefined when unknown. */
export function getViewDefinition(nameOrArn: string): ViewDefinition | undefined {
  return findDefinition(nameOrArn);
}

/** A fresh copy of example ViewData for the view (by Name, Id or ARN); undefined when unknown. */
export function sampleViewData(nameOrArn: string): { [key: string]: JsonValue } | undefined {
  const view = findDefinition(nameOrArn);
  return view ? structuredClone(view.Sample) : undefined;
}

/**
 * Problems of `data` as ViewData for the view (checked against its InputSchema; each names a path,
 * e.g. "$.Cards[0].Summary.Id is required"). Top-level values given as JSON strings (as ShowView
 * allows) are parsed first. Unknown view → one problem saying so.
 */
export function checkViewData(nameOrArn: string, data: unknown): string[] {
  const view = findDefinition(nameOrArn);
  if (!view) return [`unknown view "${nameOrArn}": use one of ${listViews().join(', ')} or its ARN`];
  const parsed = parseViewData(data);
  if (parsed === undefined) return ['viewData must be a JSON object (or a JSON string of one)'];
  return checkAgainstSchema(view.InputSchema, parsed);
}

/** ViewData as a renderer sees it: an object whose top-level JSON-string values are parsed if possible. */
export function parseViewData(data: unknown): { [key: string]: JsonValue } | undefined {
  let value: unknown = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value as { [key: string]: JsonValue })) {
    out[key] = typeof item === 'string' ? parseIfJson(item) : item;
  }
  return out;
}

function parseIfJson(text: string): JsonValue {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return text;
  try {
    return JSON.parse(trimmed) as JsonValue;
  } catch {
    return text;
  }
}
