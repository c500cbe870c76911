// Renderer for the generic view components of §3.3 on the 12-column grid: Container (with
// ForEach, CardsPerRow, Direction), Card, Button, ButtonGroup, Form, FormSection, FormInput,
// DatePicker, Dropdown, TextContent, AttributeBar, DataSection, Wizard. The vocabulary (Visible,
// Output, `$`/`@` bindings) is documented in emulator/views/index.ts. Unknown components show a
// short notice and still render their children, so the rest of the view stays usable.
// Everything shown is text through Preact (or SafeText): nothing from the template reaches the
// DOM as HTML, and no template string becomes an attribute name, a URL (unchecked) or a style.
import type { ComponentChildren, JSX } from 'preact';
import { SafeText } from '../../content/safe-markdown';
import { AttributeList, parseAttributes } from './attributes';
import { isHidden, resolveBinding, resolveValue } from './bindings';
import { useViewEnv } from './env';
import { Field } from './fields';
import { useFormScope } from './form-scope';
import { emptyOutput, stepOutput, type ActionOutput } from './outputs';
import { layoutColumns, type ViewNode } from './template';
import { asArray, isRecord, toText, truthy } from './text';
import { StepList, parseSteps } from './wizard';

const COMPONENT_TYPES = [
  'Container', 'Card', 'Button', 'ButtonGroup', 'Form', 'FormSection', 'FormInput', 'DatePicker',
  'Dropdown', 'TextContent', 'AttributeBar', 'DataSection', 'Wizard',
];

/** A node with its props resolved for one scope. */
export interface Resolved {
  node: ViewNode;
  props: Record<string, unknown>;
  scope: unknown;
  /** Column widths for its children (Configuration.Layout, bindings resolved). */
  columns?: number[];
}

/** A child to render: a node or a text, with the ForEach element in scope. */
export interface Item {
  child: ViewNode | string;
  scope: unknown;
}

/** Resolves `node` for `scope`; null when its Visible prop hides it. */
export function resolveNode(node: ViewNode, root: Record<string, unknown>, scope: unknown): Resolved | null {
  const resolved = resolveValue(node.props, root, scope);
  const props = isRecord(resolved) ? resolved : {};
  if (Object.prototype.hasOwnProperty.call(node.props, 'Visible') && isHidden(props.Visible)) return null;
  const columns = layoutColumns(resolveValue(node.configuration, root, scope)) ?? layoutColumns(props.Configuration);
  return { node, props, scope, ...(columns ? { columns } : {}) };
}

/** Text of a Content string for `scope` ("" when it is an unresolved binding or not text). */
function contentString(text: string, root: Record<string, unknown>, scope: unknown): string {
  return toText(resolveValue(text, root, scope));
}

/** The text children of a node, resolved and joined (Button labels, TextContent). */
function contentText(r: Resolved, root: Record<string, unknown>): string {
  return r.node.content
    .filter((c): c is string => typeof c === 'string')
    .map((c) => contentString(c, root, r.scope))
    .filter((t) => t !== '')
    .join(' ');
}

/** The children of a node in its own scope. */
function itemsOf(r: Resolved): Item[] {
  return r.node.content.map((child) => ({ child, scope: r.scope }));
}

/** `cw-col-N` for child `index` of a layout; 12 (full width) when no layout is given. */
export function columnClass(columns: number[] | undefined, index: number): string {
  const width = columns && columns.length > 0 ? (columns[index % columns.length] ?? 12) : 12;
  return `cw-col-${width}`;
}

/** Children on the grid (or in a row). Hidden children take no cell. */
export function Nodes({ items, columns, row = false }: { items: Item[]; columns?: number[]; row?: boolean }): JSX.Element {
  const env = useViewEnv();
  const cells: Array<{ key: string; element: JSX.Element }> = [];
  items.forEach(({ child, scope }, index) => {
    if (typeof child === 'string') {
      const text = contentString(child, env.data, scope);
      if (text !== '') cells.push({ key: `t${index}`, element: <p class="cw-view-text"><SafeText text={text} /></p> });
      return;
    }
    const r = resolveNode(child, env.data, scope);
    if (r) cells.push({ key: `${child.id ?? 'n'}-${index}`, element: <Rendered r={r} /> });
  });
  return (
    <div class={row ? 'cw-view-row' : 'cw-view-grid'}>
      {cells.map((cell, i) => (
        <div key={cell.key} class={row ? 'cw-view-row-item' : columnClass(columns, i)}>
          {cell.element}
        </div>
      ))}
    </div>
  );
}

function Heading({ text, level = 3 }: { text: string; level?: 3 | 4 }): JSX.Element | null {
  if (!text) return null;
  return level === 3 ? <h3 class="cw-view-heading">{text}</h3> : <h4 class="cw-view-subheading">{text}</h4>;
}

export function variantClass(variant: unknown): string {
  const v = typeof variant === 'string' ? variant.toLowerCase() : '';
  return v === 'primary' ? 'cw-view-button cw-view-primary' : v === 'link' ? 'cw-view-button cw-view-link' : 'cw-view-button';
}

interface ActionButtonProps {
  label: string;
  action: string;
  variant?: unknown;
  /** "submit": validate the view's form and send {FormData, ...output}; otherwise send `output` or {}. */
  formAction?: unknown;
  output?: unknown;
  class?: string;
}

/** A button that sends a view action. */
export function ActionButton({ label, action, variant, formAction, output, class: extra }: ActionButtonProps): JSX.Element {
  const env = useViewEnv();
  const scope = useFormScope();
  const submit = typeof formAction === 'string' && formAction.toLowerCase() === 'submit';
  const text = label || action;
  const outputFields = isRecord(output) ? output : {};
  const onClick = (event: MouseEvent): void => {
    // Also stops a surrounding <form> from submitting the page.
    event.preventDefault();
    if (env.disabled || !action) return;
    if (submit && scope) scope.submit(action, text, outputFields);
    else env.emit(action, output !== undefined ? output : emptyOutput(), text);
  };
  return (
    <button
      type={submit ? 'submit' : 'button'}
      class={[variantClass(variant), extra].filter(Boolean).join(' ')}
      aria-disabled={env.disabled || !action ? 'true' : undefined}
      onClick={onClick}
    >
      {text}
    </button>
  );
}

function Container({ r }: { r: Resolved }): JSX.Element {
  const env = useViewEnv();
  const p = r.props;
  const perRow = Math.round(Number(toText(p.CardsPerRow)));
  // CardsPerRow is 1..12, but a chat window is narrow: more than three per row is unreadable.
  const columns = r.columns ?? (perRow >= 1 ? [12 / Math.min(3, perRow)] : undefined);
  const row = toText(p.Direction).toLowerCase() === 'row';
  let items: Item[];
  const forEach = r.node.props.ForEach;
  if (typeof forEach === 'string') {
    items = [];
    for (const element of asArray(resolveBinding(forEach, env.data, r.scope))) {
      for (const child of childrenFor(r.node.content, element)) items.push({ child, scope: element });
    }
  } else {
    items = itemsOf(r);
  }
  return (
    <div class={`cw-view-container${truthy(p.HideBorder) ? ' cw-view-borderless' : ''}`}>
      <Heading text={toText(p.Heading)} />
      <Nodes items={items} columns={columns} row={row} />
    </div>
  );
}

/** ForEach rule: an element naming a component Type gets only the child templates of that Type. */
export function childrenFor(children: Array<ViewNode | string>, element: unknown): Array<ViewNode | string> {
  const type = isRecord(element) ? element.Type : undefined;
  if (typeof type !== 'string' || !COMPONENT_TYPES.includes(type)) return children;
  return children.filter((c) => typeof c !== 'string' && c.type === type);
}

function Card({ r }: { r: Resolved }): JSX.Element {
  const env = useViewEnv();
  const p = r.props;
  const heading = toText(p.Heading);
  const status = toText(p.Status);
  const description = toText(p.Description);
  const action = toText(p.Action);
  const body = (
    <>
      <span class="cw-view-card-heading">{heading}</span>
      {status && <span class="cw-view-card-status">{status}</span>}
      {description && <span class="cw-view-card-description">{description}</span>}
    </>
  );
  const children = r.node.content.length > 0 ? <Nodes items={itemsOf(r)} columns={r.columns} /> : null;
  if (!action) {
    return (
      <div class="cw-view-card">
        {body}
        {children}
      </div>
    );
  }
  // Without an Output, say which card was chosen: the flow cannot tell cards apart otherwise.
  const id = toText(p.Id);
  const output: ActionOutput = p.Output !== undefined ? p.Output : id ? { Id: id } : emptyOutput();
  return (
    <div class="cw-view-card-wrap">
      <button
        type="button"
        class="cw-view-card cw-view-card-action"
        aria-disabled={env.disabled ? 'true' : undefined}
        onClick={() => env.emit(action, output, heading || action)}
      >
        {body}
      </button>
      {children}
    </div>
  );
}

function ButtonNode({ r }: { r: Resolved }): JSX.Element {
  const env = useViewEnv();
  const p = r.props;
  const label = contentText(r, env.data) || toText(p.Label) || toText(p.Action);
  return <ActionButton label={label} action={toText(p.Action)} variant={p.Variant} formAction={p.FormAction} output={p.Output} />;
}

function ButtonGroup({ r }: { r: Resolved }): JSX.Element {
  const env = useViewEnv();
  // Items are resolved one by one, so an item's own Visible binding can hide it.
  const rawItems = r.node.props.Items ?? r.node.props.Buttons;
  const list = typeof rawItems === 'string' ? asArray(resolveValue(rawItems, env.data, r.scope)) : asArray(rawItems);
  const items = list.filter(isRecord).flatMap((raw) => {
    const item = resolveValue(raw, env.data, r.scope);
    if (!isRecord(item)) return [];
    if (Object.prototype.hasOwnProperty.call(raw, 'Visible') && isHidden(item.Visible)) return [];
    return [item];
  });
  return (
    <div class="cw-view-buttons" role="group">
      {items.map((item, i) => (
        <ActionButton
          key={i}
          label={toText(item.Label) || toText(item.Action)}
          action={toText(item.Action)}
          variant={item.Variant}
          formAction={item.FormAction}
          output={item.Output}
        />
      ))}
      {r.node.content.length > 0 && <Nodes items={itemsOf(r)} row />}
    </div>
  );
}

function Form({ r }: { r: Resolved }): JSX.Element {
  return (
    <form
      class={`cw-view-form${truthy(r.props.HideBorder) ? ' cw-view-borderless' : ''}`}
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <Heading text={toText(r.props.Heading)} />
      <Nodes items={itemsOf(r)} columns={r.columns} />
    </form>
  );
}

function FormSection({ r }: { r: Resolved }): JSX.Element {
  const heading = toText(r.props.Heading);
  // Inputs come from Content, or (managed form data) from Props.Items as component-like objects.
  const fromProps = asArray(r.props.Items)
    .filter(isRecord)
    .filter((item) => typeof item.Type === 'string')
    .map<Item>((item) => ({
      child: { type: item.Type as string, props: isRecord(item.Props) ? item.Props : item, content: [] },
      scope: r.scope,
    }));
  return (
    <fieldset class="cw-view-section">
      {heading && <legend class="cw-view-legend">{heading}</legend>}
      <Nodes items={[...itemsOf(r), ...fromProps]} columns={r.columns} />
    </fieldset>
  );
}

function TextContent({ r }: { r: Resolved }): JSX.Element | null {
  const env = useViewEnv();
  const p = r.props;
  const variant = toText(p.Variant).toLowerCase();
  const text = contentText(r, env.data) || toText(p.Content ?? p.Text ?? p.Value);
  if (variant === 'graphic') return <Graphic icon={toText(p.Icon)} />;
  if (!text) return null;
  switch (variant) {
    case 'heading':
      return <h3 class="cw-view-heading">{text}</h3>;
    case 'subheading':
      return <p class="cw-view-subtitle">{text}</p>;
    case 'caption':
      return <p class="cw-view-caption"><SafeText text={text} /></p>;
    case 'error':
      return <p class="cw-view-error-heading">{text}</p>;
    default:
      return <p class="cw-view-text"><SafeText text={text} /></p>;
  }
}

/** The decorative graphic (confirmation "success", or a neutral mark). */
export function Graphic({ icon }: { icon: string }): JSX.Element {
  return (
    <svg class={`cw-view-graphic cw-view-graphic-${icon === 'success' ? 'success' : 'info'}`} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" class="cw-view-graphic-ring" />
      {icon === 'success' ? <path d="M14 25l7 7 13-15" class="cw-view-graphic-check" /> : <path d="M24 14v14M24 33v2" class="cw-view-graphic-check" />}
    </svg>
  );
}

function AttributeBar({ r }: { r: Resolved }): JSX.Element {
  const p = r.props;
  return <AttributeList items={parseAttributes(p.Attributes ?? p.Items ?? p.Data)} />;
}

function DataSection({ r }: { r: Resolved }): JSX.Element {
  const p = r.props;
  const items = parseAttributes(p.Items ?? p.Data ?? p.Attributes);
  return (
    <section class="cw-view-datasection">
      <Heading text={toText(p.Heading)} level={4} />
      {items.length > 0 && <AttributeList items={items} />}
      {r.node.content.length > 0 && <Nodes items={itemsOf(r)} columns={r.columns} />}
    </section>
  );
}

function Wizard({ r }: { r: Resolved }): JSX.Element {
  const env = useViewEnv();
  const p = r.props;
  const { steps, current } = parseSteps(p.Steps ?? p.Items, p.CurrentStep ?? p.ActiveStepIndex);
  const action = toText(p.Action) || 'Step';
  return (
    <StepList
      steps={steps}
      current={current}
      strings={env.strings}
      onStep={(name) => env.emit(action, stepOutput(name), name)}
      disabled={env.disabled}
    />
  );
}

function Unknown({ r }: { r: Resolved }): JSX.Element {
  const env = useViewEnv();
  return (
    <div class="cw-view-unknown">
      <p class="cw-view-notice">{env.strings.viewUnsupportedPart}</p>
      {r.node.content.length > 0 && <Nodes items={itemsOf(r)} columns={r.columns} />}
    </div>
  );
}

const COMPONENTS: Record<string, (props: { r: Resolved }) => JSX.Element | null> = {
  Container,
  Card,
  Button: ButtonNode,
  ButtonGroup,
  Form,
  FormSection,
  FormInput: ({ r }) => <Field type="FormInput" props={r.props} />,
  DatePicker: ({ r }) => <Field type="DatePicker" props={r.props} />,
  Dropdown: ({ r }) => <Field type="Dropdown" props={r.props} />,
  TextContent,
  AttributeBar,
  DataSection,
  Wizard,
};

function Rendered({ r }: { r: Resolved }): JSX.Element | null {
  const Component = Object.prototype.hasOwnProperty.call(COMPONENTS, r.node.type) ? COMPONENTS[r.node.type] : undefined;
  return Component ? <Component r={r} /> : <Unknown r={r} />;
}

/** Renders one node in a scope (managed views use this for their form sections). */
export function ViewComponent({ node, scope }: { node: ViewNode; scope?: unknown }): JSX.Element | null {
  const env = useViewEnv();
  const r = resolveNode(node, env.data, scope);
  return r ? <Rendered r={r} /> : null;
}

/** A row of action buttons (managed views); `choices`: a column of full-width options. */
export function ButtonRow({ children, choices }: { children?: ComponentChildren; choices?: boolean }): JSX.Element {
  return (
    <div class={choices ? 'cw-view-buttons cw-view-choices' : 'cw-view-buttons'} role="group">
      {children}
    </div>
  );
}
