// The views renderer: the lazily loaded chunk behind <ViewMessage> (view-message.tsx imports
// it with import(), so pages that never receive a view never download it).
//
// AWS-managed views (viewId or View ARN `arn:aws:connect:<region>:aws:view/<name>[:<version>]`
// with name cards, detail, list, form or confirmation) are rendered natively from InputData,
// because their Template JSON is not published. Any other view renders its Template with the
// generic components (generic.tsx), `$.Path` bindings resolved against InputData.
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ViewDescription } from '../../../chat/types';
import type { InteractiveStrings } from '../strings';
import { ViewEnvContext, type ViewEnv } from './env';
import { FormScope } from './form-scope';
import { Nodes } from './generic';
import { CardsView } from './managed/cards';
import { ConfirmationView } from './managed/confirmation';
import { DetailView } from './managed/detail';
import { FormView } from './managed/form';
import { ListView } from './managed/list';
import type { ActionOutput } from './outputs';
import { layoutColumns, parseTemplate } from './template';
import { resolveValue } from './bindings';

export type ManagedViewName = 'cards' | 'detail' | 'list' | 'form' | 'confirmation';

const MANAGED: Record<ManagedViewName, (props: { data: Record<string, unknown> }) => JSX.Element> = {
  cards: CardsView,
  detail: DetailView,
  list: ListView,
  form: FormView,
  confirmation: ConfirmationView,
};

const MANAGED_ARN = /^arn:aws[\w-]*:connect:[^:]*:aws:view\/([A-Za-z-]+)(?::[^:]*)?$/;

/** The managed view an ARN names, if any. */
export function managedViewName(...candidates: Array<string | undefined>): ManagedViewName | undefined {
  for (const candidate of candidates) {
    const match = candidate ? MANAGED_ARN.exec(candidate.trim()) : null;
    const name = match?.[1]?.toLowerCase();
    if (name && Object.prototype.hasOwnProperty.call(MANAGED, name)) return name as ManagedViewName;
  }
  return undefined;
}

export interface ViewRendererProps {
  description: ViewDescription;
  /** viewId of the message (an ARN). */
  viewId?: string;
  /** viewData, parsed (view-data.ts). */
  inputData: Record<string, unknown>;
  /** No action may be sent (one was sent already). */
  disabled: boolean;
  onAction: (action: string, data: ActionOutput, display: string) => void;
  strings: InteractiveStrings;
  locale?: string;
}

export function ViewRenderer({ description, viewId, inputData, disabled, onAction, strings, locale }: ViewRendererProps): JSX.Element {
  const env = useMemo<ViewEnv>(
    () => ({
      emit: (action, data, display) => {
        if (!disabled) onAction(action, data, display);
      },
      disabled,
      strings,
      ...(locale ? { locale } : {}),
      inputSchema: description.inputSchema,
      data: inputData,
    }),
    [disabled, onAction, strings, locale, description.inputSchema, inputData],
  );
  const managed = managedViewName(viewId, description.arn, description.id);
  const parsed = useMemo(() => (managed ? null : parseTemplate(description.template)), [managed, description.template]);

  let body: JSX.Element;
  if (managed) {
    const Managed = MANAGED[managed];
    body = <Managed data={inputData} />;
  } else if (!parsed || !parsed.ok || parsed.template.body.length === 0) {
    body = <p class="cw-view-notice">{strings.viewFailed}</p>;
  } else {
    const items = parsed.template.body.map((child) => ({ child, scope: undefined }));
    const columns = layoutColumns(resolveValue(parsed.template.configuration, inputData));
    body = <Nodes items={items} columns={columns} />;
  }

  return (
    <ViewEnvContext.Provider value={env}>
      {/* The managed view's name is not a class: cw-view-form, -list and -detail style their parts. */}
      <div class="cw-view" data-managed={managed}>
        <FormScope>{body}</FormScope>
      </div>
    </ViewEnvContext.Provider>
  );
}
