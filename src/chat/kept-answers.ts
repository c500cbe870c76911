// Answers the session keeps for this page, so the UI may ask again for free: DescribeView per view
// token and GetAttachment per attachment. The transcript is windowed, so a view's or a picture's
// row remounts while the customer scrolls and would otherwise ask the service each time. Concurrent
// asks share one request; a failure is not kept, so "Try again" asks the service anew. Both are
// cleared with the conversation.
import type { AttachmentLink, ViewDescription } from './types.js';

/** DescribeView answers kept (oldest dropped first). A chat shows few views. */
const VIEW_CACHE_MAX = 50;
/** GetAttachment answers kept (oldest dropped first), until LINK_MARGIN_MS before they expire. */
const LINK_CACHE_MAX = 200;
const LINK_MARGIN_MS = 30_000;

export class KeptAnswers {
  private readonly views = new Map<string, Promise<ViewDescription>>();
  private readonly links = new Map<string, { link: Promise<AttachmentLink>; until: number }>();

  view(viewToken: string, ask: () => Promise<ViewDescription>): Promise<ViewDescription> {
    const cached = this.views.get(viewToken);
    if (cached) return cached;
    const pending = ask();
    this.views.set(viewToken, pending);
    if (this.views.size > VIEW_CACHE_MAX) this.views.delete(this.views.keys().next().value as string);
    pending.catch(() => {
      if (this.views.get(viewToken) === pending) this.views.delete(viewToken);
    });
    return pending;
  }

  link(attachmentId: string, ask: () => Promise<AttachmentLink>): Promise<AttachmentLink> {
    const kept = this.links.get(attachmentId);
    if (kept && Date.now() < kept.until) return kept.link;
    const link = ask();
    // Until a little before the URL expires (the service says when; else a minute).
    const entry = { link, until: Date.now() + 60_000 };
    this.links.set(attachmentId, entry);
    if (this.links.size > LINK_CACHE_MAX) this.links.delete(this.links.keys().next().value as string);
    link.then(
      (l) => {
        const expires = l.expiresAt ? Date.parse(l.expiresAt) : NaN;
        if (!Number.isNaN(expires)) entry.until = expires - LINK_MARGIN_MS;
      },
      () => this.links.get(attachmentId) === entry && this.links.delete(attachmentId),
    );
    return link;
  }

  /** A link that no longer works (it expired early): the next ask goes to the service. */
  forgetLink(attachmentId: string): void {
    this.links.delete(attachmentId);
  }

  clear(): void {
    this.views.clear();
    this.links.clear();
  }
}
