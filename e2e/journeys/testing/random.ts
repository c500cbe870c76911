// The seeded random mode: a plan of visits (each a world: how the widget is embedded, the site's
// options, the state of the visitor's storage, the back end at the first start) and the steps of
// each, drawn from the step library with weights. The plan depends on the seed alone, so a seed
// reproduces the same composition; a step whose precondition does not hold when its turn comes is
// skipped (and listed as skipped).
import { mulberry32 } from '../../../src/chat/testing/mulberry32';
import * as s from './steps';
import type { Step } from './steps';
import type { WorldOptions } from './world';

/** The plan's random source: the same seed gives the same sequence. */
export const seeded = mulberry32;

type Draw = () => number;
const int = (r: Draw, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** [weight, step maker]: how often a step comes up among those that apply. */
const CATALOGUE: Array<[number, (r: Draw) => Step]> = [
  [24, () => s.send()],
  [5, () => s.send(undefined, 'button')],
  [5, () => s.typeDraft()],
  [14, (r) => s.agentSays(int(r, 1, 3))],
  [3, (r) => s.agentSays(int(r, 10, 25))],
  [6, () => s.reload()],
  [4, () => s.newTab()],
  [4, () => s.switchTab()],
  [3, (r) => s.closeTab(r() < 0.5 ? 'normally' : 'abruptly')],
  [2, () => s.crashLeader()],
  [1, () => s.crashLeaderWhileWriting()],
  [2, () => s.leaveAndComeBack()],
  [4, (r) => s.offlineSpell(int(r, 0, 2), int(r, 0, 2))],
  [4, () => s.dropSockets()],
  [3, () => s.expireTokens()],
  [3, () => s.closeChatWindow()],
  [6, () => s.openChat()],
  [2, () => s.agentEnds('stop-contact')],
  [2, () => s.agentEnds('flow')],
  [2, () => s.visitorEnds()],
  [1, () => s.endWhileTyping()],
  [1, () => s.serviceForgets()],
  [10, () => s.startNewChat()],
  [3, () => s.retryFailed()],
  [2, () => s.sendRefused()],
];
const TOTAL = CATALOGUE.reduce((sum, [w]) => sum + w, 0);

function drawStep(r: Draw): Step {
  let x = r() * TOTAL;
  for (const [weight, make] of CATALOGUE) {
    x -= weight;
    if (x < 0) return make(r);
  }
  return CATALOGUE[0][1](r);
}

export interface Visit {
  options: WorldOptions;
  /** The back end misbehaves at the first start (then Retry, with it fixed). */
  flakyStart: 'silent' | 'stall' | 'bad-token' | null;
  steps: Step[];
}

/** The next visit of the plan. */
export function planVisit(r: Draw): Visit {
  const embed = r() < 0.5 ? 'cdn' : 'mount';
  const config: Record<string, unknown> = {};
  if (r() < 0.3) config.preChatForm = s.PRE_CHAT_FORM;
  const storageDraw = r();
  const storage = storageDraw < 0.9 ? 'ok' : storageDraw < 0.94 ? 'open-fails' : storageDraw < 0.97 ? 'writes-fail' : 'open-hangs';
  const startDraw = r();
  const flakyStart = startDraw < 0.95 ? null : startDraw < 0.967 ? 'silent' : startDraw < 0.984 ? 'stall' : 'bad-token';
  const first: Step[] = flakyStart
    ? [s.visit(), s.backendMode(flakyStart), s.clickLauncher(), s.startFailsVisibly(), s.backendMode('ok'), s.retryTheStart()]
    : [s.visit(), s.openChat()];
  const steps = [...first, ...Array.from({ length: int(r, 15, 40) }, () => drawStep(r))];
  return { options: { embed, config, storage }, flakyStart, steps };
}

export function describeVisit(v: Visit): string {
  const o = v.options;
  const parts = [o.embed, o.config?.preChatForm ? 'pre-chat form' : 'no form', `storage ${o.storage ?? 'ok'}`];
  if (v.flakyStart) parts.push(`back end ${v.flakyStart} at the first start`);
  return parts.join(', ');
}
