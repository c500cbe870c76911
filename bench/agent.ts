// An agent joining a chat and typing into it through the Participant Service, as an agent's client
// would: CreateParticipant (AGENT, the emulator's extension of the Connect API), then
// CreateParticipantConnection and SendMessage with its own ConnectionToken.
import { ParticipantClient } from '../src/client/index.js';

export interface Agent {
  participantId: string;
  send(text: string): Promise<string>;
  /** Sends the typing event. */
  typing(): Promise<void>;
}

export async function joinAsAgent(emulatorUrl: string, contactId: string, instanceId = 'emulator-instance', displayName = 'Agent'): Promise<Agent> {
  const response = await fetch(`${emulatorUrl}/contact/create-participant`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ InstanceId: instanceId, ContactId: contactId, ParticipantDetails: { ParticipantRole: 'AGENT', DisplayName: displayName } }),
  });
  const body = (await response.json()) as { ParticipantId?: string; ParticipantCredentials?: { ParticipantToken?: string }; message?: string };
  const token = body.ParticipantCredentials?.ParticipantToken;
  if (!response.ok || !token || !body.ParticipantId) {
    throw new Error(`CreateParticipant (AGENT) for contact ${contactId} failed: ${response.status} ${body.message ?? JSON.stringify(body)}`);
  }
  const client = new ParticipantClient({ endpoint: emulatorUrl });
  const connection = await client.createParticipantConnection({ ParticipantToken: token, Type: ['CONNECTION_CREDENTIALS'], ConnectParticipant: true });
  const connectionToken = connection.ConnectionCredentials?.ConnectionToken;
  if (!connectionToken) throw new Error(`CreateParticipantConnection for the agent of ${contactId} returned no ConnectionToken`);
  return {
    participantId: body.ParticipantId,
    async send(text) {
      const sent = await client.sendMessage({ ConnectionToken: connectionToken, ContentType: 'text/plain', Content: text });
      return sent.Id ?? '';
    },
    async typing() {
      await client.sendEvent({ ConnectionToken: connectionToken, ContentType: 'application/vnd.amazonaws.connect.event.typing' });
    },
  };
}
