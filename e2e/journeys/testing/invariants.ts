// The invariants every journey checks after each step:
//   - every message the visitor sent reaches the service exactly once, and in the order sent;
//   - every message is shown exactly once (the visitor's and the agent's);
//   - nothing typed is lost: the text in the box stays, a message that did not go out stays visible
//     (failed, with Retry) or goes back into the box;
//   - no error is thrown into the host page;
//   - nothing is stuck: a message does not stay "Sending…" while the network is up.
// Safety (duplicates, page errors) is judged at once; liveness (delivered, shown) is given time to
// converge: it is polled until it holds or `settleMs` has passed.
import { record } from '../../ui-support';
import { viewOf, type TabView } from './observe';
import type { Violation, World } from './world';

const TOKEN = /#[a-z0-9]+-[ma]\d+#/g;
const JARGON = /IndexedDB|put[A-Z]\w+ in|: null\b|\bundefined\b|TypeError|ReferenceError|DOMException|\[object \w+\]/;

interface Observation {
  /** token → how many times the service holds it (customer messages), over every contact of the world. */
  customer: Map<string, number>;
  /** token → contact it reached. */
  reached: Map<string, string>;
  /** Per contact, the customer tokens in the service's order. */
  order: Map<string, string[]>;
  agent: Map<string, number>;
  /** Contacts the service has ended. */
  ended: Set<string>;
  view: TabView | undefined;
}

async function observe(w: World): Promise<Observation> {
  const customer = new Map<string, number>();
  const reached = new Map<string, string>();
  const order = new Map<string, string[]>();
  const agent = new Map<string, number>();
  const ended = new Set<string>();
  for (const contactId of w.contacts()) {
    const { Items, State } = await record(contactId);
    if (State === 'ended') ended.add(contactId);
    const mine: string[] = [];
    for (const item of Items) {
      if (item.Type !== 'MESSAGE') continue;
      for (const token of item.Content?.match(TOKEN) ?? []) {
        const counts = item.ParticipantRole === 'CUSTOMER' ? customer : agent;
        counts.set(token, (counts.get(token) ?? 0) + 1);
        if (item.ParticipantRole === 'CUSTOMER') {
          if (!mine.includes(token)) mine.push(token); // a second copy is a duplicate, reported as such
          reached.set(token, contactId);
        }
      }
    }
    order.set(contactId, mine);
  }
  const page = w.active && !w.active.crashed ? w.active.page : undefined;
  const view = page && !page.isClosed() ? await viewOf(page).catch(() => undefined) : undefined;
  return { customer, reached, order, agent, ended, view };
}

const shownCount = (view: TabView, token: string) => view.rows.filter((r) => r.text.includes(token)).length;

/** Everything wrong in one observation; `final` turns "not yet" into violations. */
function judge(w: World, o: Observation, final: boolean): { violations: Violation[]; waiting: string[] } {
  const violations: Violation[] = [];
  // What is not there yet, as the key of the violation it becomes if it stays so. Something already
  // reported is not waited for again (a defect that stays would otherwise cost the wait at every step).
  const pending: string[] = [];
  const v = o.view;
  const chatVisible = !!v && v.present && v.windowOpen && !v.form;
  const current = w.currentContact();

  w.pageErrors.forEach((message, i) => violations.push({ kind: 'page error', key: String(i), detail: message }));

  for (const s of w.sent) {
    const n = o.customer.get(s.token) ?? 0;
    if (n > 1) violations.push({ kind: 'duplicated', key: `service ${s.token}`, detail: `${s.token} reached the service ${n} times` });
    if (n >= 1 || s.abandoned) continue;
    // Not at the service: it must still be in front of the visitor (in the box, or failed with Retry).
    if (!chatVisible) continue;
    const inBox = (v.composer ?? '').includes(s.token);
    const rows = v.rows.filter((r) => r.own && r.text.includes(s.token));
    if (inBox || rows.some((r) => r.status === 'failed')) continue;
    if (rows.some((r) => r.status === 'sending')) {
      // Offline, "Sending…" is the honest state (the banner says why); online it must end.
      if (!w.online) continue;
      if (final) violations.push({ kind: 'stuck', key: s.token, detail: `${s.token} still shows "Sending…" while online` });
      else pending.push(`stuck:${s.token}`);
      continue;
    }
    if (final) {
      violations.push({
        kind: 'lost',
        key: s.token,
        detail: rows.length
          ? `${s.token} is shown as sent but never reached the service`
          : `${s.token} ("${s.text}") never reached the service and is neither shown (failed or sending) nor back in the box`,
      });
    } else pending.push(`lost:${s.token}`);
  }

  for (const [contactId, tokens] of o.order) {
    const sent = tokens.map((t) => w.sent.find((s) => s.token === t)).filter((s) => s && !s.retried);
    for (let i = 1; i < sent.length; i++) {
      if (sent[i]!.n < sent[i - 1]!.n) {
        violations.push({ kind: 'order', key: `${contactId}:${sent[i]!.token}`, detail: `${sent[i]!.token} reached the service before ${sent[i - 1]!.token}, which was sent after it` });
      }
    }
  }

  // Visitors read plain language; the technical detail goes to the console and the error event.
  const jargon = v?.windowText.match(JARGON);
  if (jargon) violations.push({ kind: 'jargon', key: jargon[0], detail: `the window shows technical text: "${jargon[0]}" in "${v!.windowText.replace(/\s+/g, ' ').slice(0, 160)}"` });

  if (chatVisible) {
    // Shown exactly once: the current contact's messages (both sides) and the visitor's unsent ones.
    const expected = [
      ...w.sent.filter((s) => ((o.customer.get(s.token) ?? 0) === 0 && !s.abandoned) || o.reached.get(s.token) === current).map((s) => s.token),
      // The agent's, unless it never reached the browser before the contact ended (see World.delivered).
      ...w.said.filter((s) => s.contactId === current && (o.agent.get(s.token) ?? 0) > 0 && (w.delivered.has(s.token) || !o.ended.has(s.contactId))).map((s) => s.token),
    ];
    for (const token of expected) {
      const n = shownCount(v, token);
      if (n > 1) violations.push({ kind: 'duplicated', key: `shown ${token}`, detail: `${token} is shown ${n} times` });
      else if (n === 0 && !(v.composer ?? '').includes(token)) {
        if (final) violations.push({ kind: 'lost', key: `shown ${token}`, detail: `${token} is not shown in ${w.active?.name}` });
        else pending.push(`lost:shown ${token}`);
      }
    }
    // Nothing typed is lost: the unsent text is still in the box.
    const draftKey = `draft ${w.draftToken || w.draft.trim().slice(0, 40)}`;
    if (w.draft && v.composer !== null && !v.composer.includes(w.draft.trim())) {
      if (final) violations.push({ kind: 'lost', key: draftKey, detail: `the box should hold "${w.draft.trim()}" but holds "${v.composer.slice(0, 80)}"` });
      else pending.push(`lost:${draftKey}`);
    }
  }
  return { violations, waiting: pending.filter((key) => !w.reported.has(key)) };
}

/** Checks the invariants; records violations on the world (each once) and returns the new ones. */
export async function checkInvariants(w: World, options: { settleMs?: number } = {}): Promise<Violation[]> {
  const settleMs = options.settleMs ?? 20_000;
  const deadline = Date.now() + settleMs;
  const before = w.violations.length;
  let delay = 100;
  let reread = false;
  for (;;) {
    const o = await observe(w);
    const final = Date.now() >= deadline;
    const { violations, waiting } = judge(w, o, final);
    // A message being confirmed while the log is scrolled through may be read under both of its
    // keys: a duplicate on screen counts only when a second reading shows it too.
    if (!reread && violations.some((x) => x.kind === 'duplicated' && x.key.startsWith('shown'))) {
      reread = true;
      continue;
    }
    if (waiting.length === 0 || final) {
      for (const x of violations) w.violate(x);
      // Once a lost draft is reported, the box is what the visitor has: go on from there (otherwise
      // every later step would report the same loss again under another name).
      if (violations.some((x) => x.key.startsWith('draft ')) && o.view?.composer != null) {
        w.draft = o.view.composer;
        if (!w.draft.includes(w.draftToken)) w.draftToken = '';
      }
      break;
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 1000);
  }
  return w.violations.slice(before);
}

export function describeViolations(list: readonly Violation[]): string {
  return list.map((x) => `${x.kind}: ${x.detail}`).join('\n');
}

/** Whether the service holds `token` from the customer in any of the world's contacts. */
export async function delivered(w: World, token: string): Promise<boolean> {
  for (const contactId of w.contacts()) {
    if ((await record(contactId)).Items.some((i) => i.ParticipantRole === 'CUSTOMER' && i.Content?.includes(token))) return true;
  }
  return false;
}
