// One transcript row: a day separator, a message, an attachment or a notice. Untrusted content goes
// only through the content components (SafeText / SafeMarkdown / LazyInteractiveMessage).
import type { AttachmentEntry, MessageEntry, NoticeEntry } from '../../chat/types';
import { formatDateTime, formatDay, formatTime } from '../../i18n';
import { SafeMarkdown, SafeText } from '../content/safe-markdown';
import { LazyInteractiveMessage } from '../interactive/lazy';
import { describeReply } from '../interactive/reply-view';
import type { InteractiveStates } from '../interactive/transcript';
import { INTERACTIVE_CONTENT_TYPE } from '../interactive/types';
import { signIn, cancelSignIn } from '../auth';
import type { Ui } from '../state';
import { Avatar } from '../avatar';
import { Attachment } from './attachment';
import { nameOf, noticeText } from './notices';
import { senderKind } from './who';
import type { Row } from './rows';

export interface RowProps {
  ui: Ui;
  row: Row;
  states: InteractiveStates;
  /** Id of the authentication-initiated notice still waiting for a result. */
  authPending: string | null;
}

export function RowView({ ui, row, states, authPending }: RowProps) {
  if (row.day !== undefined) {
    return (
      <div class="cw-day" data-key={row.key}>
        <span>{formatDay(new Date(row.at), ui.locale.value)}</span>
      </div>
    );
  }
  const e = row.entry;
  if (e.kind === 'notice') return <Notice ui={ui} e={e} k={row.key} pending={authPending === e.id} />;
  const { t } = ui;
  const who = senderKind(e);
  const name = nameOf(e, t);
  const wide = e.kind === 'message' && e.contentType === INTERACTIVE_CONTENT_TYPE;
  const status = e.kind === 'message' && ((e.status && e.status !== 'sent') || e.processing);
  const avatar = who !== 'own' && ui.config.avatars.enabled;
  // A run of one sender: the name over its first bubble, the avatar beside its last, the time under
  // its last; the bubbles between sit close together (rows.ts decides the runs).
  return (
    <div class={`cw-row cw-${who}${row.first ? ' cw-first' : ''}${row.last ? ' cw-last' : ''}${avatar ? ' cw-avs' : ''}${undelivered(e) ? ' cw-undelivered' : ''}`} data-key={row.key}>
      {row.first && !e.own && (
        <div class="cw-name" dir="auto">
          {name}
        </div>
      )}
      {/* Inside a run the time shows on hover or focus, drawn from data-time by the stylesheet: not text
          of the row, so screen readers and the row's text stay as they were (the run's time is below). */}
      <div class="cw-line" data-time={!row.last && !status && !wide ? formatTime(new Date(e.time), ui.locale.value) : undefined}>
        {avatar && (row.last ? <Avatar ui={ui} kind={who} name={e.displayName} /> : <span class="cw-av-gap" />)}
        <div class={wide ? 'cw-bubble cw-wide' : e.kind === 'attachment' ? 'cw-att' : 'cw-bubble'} dir="auto" aria-busy={e.kind === 'message' && e.streaming ? 'true' : undefined}>
          {(!row.first || e.own) && <span class="cw-sr">{name}: </span>}
          {e.kind === 'message' ? <Content ui={ui} e={e} states={states} /> : <Attachment ui={ui} e={e} />}
        </div>
      </div>
      {(row.last || status) && <Meta ui={ui} e={e} lastOwn={row.lastOwn} />}
    </div>
  );
}

/** The time of a message (under the last bubble of a run). */
function Time({ ui, time }: { ui: Ui; time: string }) {
  const d = new Date(time);
  return (
    <time dateTime={time} title={formatDateTime(d, ui.locale.value)}>
      {formatTime(d, ui.locale.value)}
    </time>
  );
}

function Content({ ui, e, states }: { ui: Ui; e: MessageEntry; states: InteractiveStates }) {
  // The human form: the button pressed, the slot in words (interactive/transcript.ts replyText).
  if (e.own) return <SafeText text={states.replies.get(e.id) ?? e.display ?? describeReply(e.contentType, e.content).text} />;
  if (e.contentType === 'text/markdown') return <SafeMarkdown source={e.content} />;
  if (e.contentType === INTERACTIVE_CONTENT_TYPE)
    return (
      <LazyInteractiveMessage
        content={e.content}
        actionable={states.actionableId === e.id}
        answered={states.answers.get(e.id)}
        onReply={(r) => void ui.session.send(r.content, r.contentType, r.display ? { display: r.display } : undefined).catch(() => {})}
        describeView={(token) => ui.session.describeView(token)}
      />
    );
  return <SafeText text={e.content} />;
}

function Meta({ ui, e, lastOwn }: { ui: Ui; e: MessageEntry | AttachmentEntry; lastOwn: boolean }) {
  const { t } = ui;
  const status = e.kind === 'message' ? e.status : undefined;
  return (
    <div class="cw-meta">
      <Time ui={ui} time={e.time} />
      {status === 'sending' && <span>{t('sending')}</span>}
      {status === 'failed' && (
        <>
          <span class="cw-fail" title={e.kind === 'message' ? e.error : undefined}>
            {t('failed')}
          </span>
          <button class="cw-link" onClick={() => void ui.session.retry(e.id).catch(() => {})}>
            {t('retry')}
          </button>
          <button class="cw-link" onClick={() => ui.session.discard(e.id)}>
            {t('discard')}
          </button>
        </>
      )}
      {e.kind === 'message' && e.own && e.processing && <Processing ui={ui} e={e} />}
      {lastOwn && status !== 'sending' && status !== 'failed' && !(e.kind === 'message' && e.processing) && e.receipt && <span class="cw-receipt">{t(e.receipt)}</span>}
    </div>
  );
}

const undelivered = (e: MessageEntry | AttachmentEntry): boolean => e.kind === 'message' && e.own && (e.processing === 'rejected' || e.processing === 'failed');

/**
 * An own message the service holds (a guardrail, a redaction step) or did not deliver: held says so;
 * blocked offers Edit (the text goes back into the box, to be rephrased); failed offers Retry.
 */
function Processing({ ui, e }: { ui: Ui; e: MessageEntry }) {
  const { t, session } = ui;
  if (e.processing === 'processing') return <span>{t('processing')}</span>;
  const blocked = e.processing === 'rejected';
  return (
    <>
      <span class="cw-fail">{t(blocked ? 'blocked' : 'notProcessed')}</span>
      {blocked ? (
        <button class="cw-link" onClick={(event) => editAgain(ui, e.display ?? e.content, event.currentTarget)}>
          {t('edit')}
        </button>
      ) : (
        <button class="cw-link" onClick={() => void session.send(e.content, e.contentType, e.display ? { display: e.display } : undefined).catch(() => {})}>
          {t('retry')}
        </button>
      )}
    </>
  );
}

/** Puts a blocked message's text back into the message box and focuses it. */
function editAgain(ui: Ui, text: string, from: HTMLElement): void {
  ui.session.setDraft(text);
  const root = from.getRootNode() as ShadowRoot | Document;
  setTimeout(() => root.querySelector<HTMLTextAreaElement>('.cw-ta')?.focus(), 0);
}

function Notice({ ui, e, k, pending }: { ui: Ui; e: NoticeEntry; k: string; pending: boolean }) {
  const { t } = ui;
  const auth = ui.auth.value;
  let sessionId = '';
  if (pending) {
    try {
      sessionId = String((JSON.parse(e.content ?? '{}') as { SessionId?: unknown }).SessionId ?? '');
    } catch {
      sessionId = '';
    }
  }
  const waiting = auth && auth.sessionId === sessionId ? auth.state : null;
  return (
    <div class="cw-notice" data-key={k}>
      <p>{noticeText(e, ui.t)}</p>
      {sessionId && (
        <div class="cw-auth">
          {waiting === 'waiting' ? (
            <>
              <span role="status">{t('signingIn')}</span>
              <button class="cw-btn" onClick={() => cancelSignIn(ui)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <>
              {waiting === 'blocked' && <span role="alert">{t('popupBlocked')}</span>}
              {waiting === 'failed' && <span role="alert">{t('authFailed')}</span>}
              <button class="cw-btn cw-pri" onClick={() => signIn(ui, sessionId)}>
                {t('signIn')}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
