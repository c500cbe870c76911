// Message processing (MessageMetadata.MessageProcessingStatus): a customer message held by a
// guardrail or a processing step is stored and sent PROCESSING, and SendMessage says so; once
// decided it is sent again with the same Id, REJECTED or FAILED (not delivered), or without a status
// (delivered). What decides: the `messageProcessing` fault, else the plugins' processMessage.
import { takeProcessing } from './faults.js';
import type { MessageDecision } from './plugins.js';
import type { Contact, EmulatorState } from './store.js';
import type { ChatItem } from './types.js';

export type Decide = (contact: Contact, item: ChatItem) => Promise<MessageDecision | undefined>;

export class MessageProcessing {
  constructor(
    private readonly state: EmulatorState,
    /** The plugins' decision, when a plugin processes messages; undefined otherwise. */
    private readonly plugins: { active(): boolean; decide: Decide },
  ) {}

  /**
   * Whether the next customer message is held, and how it will be decided. Called once per
   * SendMessage, before the item is made.
   */
  hold(): ((contact: Contact, item: ChatItem) => void) | undefined {
    const rule = takeProcessing(this.state.faults);
    if (rule) {
      return (contact, item) => this.state.later(contact, rule.delayMs, () => this.settle(contact, item.Id as string, rule.status));
    }
    if (!this.plugins.active()) return undefined;
    return (contact, item) => {
      void this.plugins.decide(contact, item).then((decision) => this.settle(contact, item.Id as string, decision ?? 'APPROVED'));
    };
  }

  private settle(contact: Contact, id: string, decision: MessageDecision): void {
    const stored = this.state.findItem(contact, id);
    if (!stored || contact.endedAt !== undefined) return;
    const { MessageProcessingStatus: _held, ...metadata } = stored.MessageMetadata ?? {};
    const updated: ChatItem = {
      ...stored,
      MessageMetadata: { ...metadata, MessageId: id, ...(decision === 'APPROVED' ? {} : { MessageProcessingStatus: decision }) },
    };
    this.state.replaceStored(contact, updated);
    this.state.publish(contact, updated);
  }
}
