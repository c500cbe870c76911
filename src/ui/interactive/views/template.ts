// A view Template (chat-protocol.md §3.3) -> a checked tree of nodes. Bindings stay unresolved
// here: they depend on the ForEach element in scope, so the renderer resolves them per node.
//   {"Head":{"Title","Configuration":{"Layout":{"Columns":["10","2"]}}},
//    "Body":[{"_id","Type","Props":{…},"Content":[…], "Configuration"?:{"Layout":{…}}}]}
// Content items are nodes or strings. Unknown Types are kept (the renderer shows a notice for
// them); anything that is not a node object is dropped. Size and depth are capped so a hostile
// template cannot freeze the page.

export interface ViewNode {
  id?: string;
  type: string;
  /** Props as in the template (bindings unresolved). */
  props: Record<string, unknown>;
  content: Array<ViewNode | string>;
  /** Configuration as in the template (its Layout.Columns may be a binding). */
  configuration?: unknown;
}

export interface ParsedTemplate {
  title?: string;
  /** Head.Configuration: lays out the body. */
  configuration?: unknown;
  body: ViewNode[];
}

export type TemplateResult = { ok: true; template: ParsedTemplate } | { ok: false; reason: string };

export const MAX_NODES = 2000;
export const MAX_DEPTH = 24;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** {"Layout":{"Columns":["10","2"]}} -> [10, 2]; invalid widths become 12; no list -> undefined. */
export function layoutColumns(configuration: unknown): number[] | undefined {
  if (!isRecord(configuration) || !isRecord(configuration.Layout)) return undefined;
  const cols = configuration.Layout.Columns;
  if (!Array.isArray(cols) || cols.length === 0) return undefined;
  return cols.map((c) => {
    const n = Math.round(Number(c));
    return Number.isFinite(n) && n >= 1 && n <= 12 ? n : 12;
  });
}

class Budget {
  nodes = 0;
}

function node(raw: unknown, depth: number, budget: Budget): ViewNode | string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (!isRecord(raw) || typeof raw.Type !== 'string') return undefined;
  if (depth > MAX_DEPTH) throw new Error(`the view template nests deeper than ${MAX_DEPTH} levels`);
  budget.nodes += 1;
  if (budget.nodes > MAX_NODES) throw new Error(`the view template has more than ${MAX_NODES} components`);
  const props = isRecord(raw.Props) ? raw.Props : {};
  return {
    ...(typeof raw._id === 'string' ? { id: raw._id } : {}),
    type: raw.Type,
    props,
    content: children(raw.Content, depth, budget),
    ...(raw.Configuration !== undefined ? { configuration: raw.Configuration } : {}),
  };
}

function children(raw: unknown, depth: number, budget: Budget): Array<ViewNode | string> {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list.map((c) => node(c, depth + 1, budget)).filter((c): c is ViewNode | string => c !== undefined);
}

/** Parses a Template given as an object or a JSON string. */
export function parseTemplate(template: unknown): TemplateResult {
  let raw: unknown = template;
  if (typeof template === 'string') {
    try {
      raw = JSON.parse(template) as unknown;
    } catch {
      return { ok: false, reason: 'the view template is not valid JSON' };
    }
  }
  if (!isRecord(raw)) return { ok: false, reason: 'the view template is not a JSON object' };
  if (!Array.isArray(raw.Body)) return { ok: false, reason: 'the view template has no Body array' };
  try {
    const budget = new Budget();
    const body = raw.Body.map((n) => node(n, 0, budget)).filter((n): n is ViewNode => typeof n === 'object' && n !== undefined);
    const head = isRecord(raw.Head) ? raw.Head : {};
    return {
      ok: true,
      template: {
        ...(typeof head.Title === 'string' ? { title: head.Title } : {}),
        ...(head.Configuration !== undefined ? { configuration: head.Configuration } : {}),
        body,
      },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'the view template could not be read' };
  }
}
