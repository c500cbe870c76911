import { useState } from 'preact/hooks';
import { TEMPLATE_TYPES, sampleTemplate } from '../../../bot/templates.js';
import type { TemplateType } from '../../../bot/templates.js';
import { listViews, sampleViewData } from '../../../views/index.js';
import type { AgentSession } from '../agent-session.js';
import { commands } from '../state.js';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);
const templateSample = (type: TemplateType) => pretty(sampleTemplate(type, { now: Date.now(), referenceId: crypto.randomUUID() }));
const viewSample = (name: string) => pretty(sampleViewData(name) ?? {});

export function Tools({ session }: { session: AgentSession }) {
  const disabled = !session.active;
  return (
    <div class="tools">
      <TemplateTool disabled={disabled} />
      <ViewTool disabled={disabled} />
      <FileTool disabled={disabled} />
      <fieldset class="tool">
        <legend>Contact</legend>
        <button id="idle" type="button" disabled={disabled} onClick={() => void commands.idle()}>
          Mark idle
        </button>
        <button id="returned" type="button" disabled={disabled} onClick={() => void commands.returned()}>
          Mark returned
        </button>
        <button id="transfer" type="button" disabled={disabled} onClick={() => void commands.transfer()}>
          Transfer
        </button>
        <button id="leave" type="button" disabled={disabled} onClick={() => void commands.leave()}>
          Leave chat
        </button>
        <button id="end" type="button" class="danger" disabled={session.status.value === 'ended'} onClick={() => void commands.end()}>
          End chat
        </button>
      </fieldset>
    </div>
  );
}

function TemplateTool({ disabled }: { disabled: boolean }) {
  const [type, setType] = useState<TemplateType>('ListPicker');
  const [json, setJson] = useState(() => templateSample('ListPicker'));
  return (
    <fieldset class="tool">
      <legend>Interactive message</legend>
      <label>
        Template{' '}
        <select
          id="template-type"
          value={type}
          onChange={(event) => {
            const next = event.currentTarget.value as TemplateType;
            setType(next);
            setJson(templateSample(next));
          }}
        >
          {TEMPLATE_TYPES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label class="stack">
        Content (JSON)
        <textarea id="template-json" rows={6} spellcheck={false} value={json} onInput={(event) => setJson(event.currentTarget.value)} />
      </label>
      <button id="send-template" type="button" disabled={disabled} onClick={() => void commands.sendTemplate(json)}>
        Send {type}
      </button>
    </fieldset>
  );
}

function ViewTool({ disabled }: { disabled: boolean }) {
  const views = listViews();
  const [name, setName] = useState(views[0] ?? 'cards');
  const [json, setJson] = useState(() => viewSample(views[0] ?? 'cards'));
  return (
    <fieldset class="tool">
      <legend>View</legend>
      <label>
        View{' '}
        <select
          id="view-name"
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setJson(viewSample(event.currentTarget.value));
          }}
        >
          {views.map((view) => (
            <option key={view} value={view}>
              {view}
            </option>
          ))}
        </select>
      </label>
      <label class="stack">
        View data (JSON)
        <textarea id="view-data" rows={6} spellcheck={false} value={json} onInput={(event) => setJson(event.currentTarget.value)} />
      </label>
      <button id="send-view" type="button" disabled={disabled} onClick={() => void commands.sendView(name, json)}>
        Show {name}
      </button>
    </fieldset>
  );
}

function FileTool({ disabled }: { disabled: boolean }) {
  const [file, setFile] = useState<File | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  return (
    <fieldset class="tool">
      <legend>File</legend>
      <label class="stack">
        File <input id="file" type="file" disabled={disabled} onChange={(event) => setFile(event.currentTarget.files?.[0])} />
      </label>
      <button
        id="send-file"
        type="button"
        disabled={disabled || busy || !file}
        onClick={async () => {
          if (!file) return;
          setBusy(true);
          await commands.sendFile(file);
          setBusy(false);
        }}
      >
        {busy ? 'Uploading…' : 'Send file'}
      </button>
    </fieldset>
  );
}
