import type { TaskContact } from '../api.js';
import { arrangeTasks } from '../contacts.js';
import { tasks } from '../state.js';
import { Facts } from './facts.js';

/** Tasks (StartTaskContact), e.g. the widget's "leave a message" while the chat is closed. */
export function Tasks() {
  const list = arrangeTasks(tasks.value);
  return (
    <section class="tasks" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Tasks</h2>
      {list.length === 0 ? (
        <p id="no-tasks">No tasks. Messages left while the chat is closed arrive here.</p>
      ) : (
        <ul id="tasks">
          {list.map((task) => (
            <Task key={task.ContactId} task={task} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Task({ task }: { task: TaskContact }) {
  const references = Object.entries(task.References);
  const attributes = Object.entries(task.Attributes);
  return (
    <li class="task" data-contact-id={task.ContactId}>
      <span class="name">{task.Name}</span>
      <span class="meta">
        {new Date(task.CreatedAt).toLocaleString()} · flow <code>{task.ContactFlowId ?? task.TaskTemplateId ?? task.QuickConnectId}</code>
      </span>
      {task.Description && <p class="description">{task.Description}</p>}
      {(references.length > 0 || attributes.length > 0) && (
        <Facts
          entries={[
            ...references.map(([name, reference]) => [name, <Reference type={reference.Type} value={reference.Value ?? ''} />] as const),
            ...attributes.map(([name, value]) => [`attribute ${name}`, value] as const),
          ]}
        />
      )}
    </li>
  );
}

/** A reference as the CCP shows it: e-mail and http(s) links clickable, everything else as text. */
function Reference({ type, value }: { type: string; value: string }) {
  if (type === 'EMAIL') return <a href={`mailto:${value}`}>{value}</a>;
  if (type === 'URL' && /^https?:\/\//i.test(value)) {
    return (
      <a href={value} target="_blank" rel="noopener noreferrer">
        {value}
      </a>
    );
  }
  return <>{value}</>;
}
