import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options.js';
import { readVisitorRequest } from './request.js';
import { StartChatRefusal } from './responses.js';

const base = { instanceId: 'i', contactFlowId: 'f', region: 'eu-west-2', allowedOrigins: ['https://shop.example'] };
const options = resolveOptions({ ...base, allowedAttributes: ['plan', 'orderId'], chatDurationInMinutes: 120 });

function refusal(body: unknown): StartChatRefusal {
  try {
    readVisitorRequest(body, options);
  } catch (error) {
    if (error instanceof StartChatRefusal) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('readVisitorRequest', () => {
  it("reads the widget's body, with the back end's defaults for what it leaves out", () => {
    expect(readVisitorRequest({}, options)).toEqual({
      displayName: 'Customer',
      attributes: {},
      supportedMessagingContentTypes: ['text/plain', 'text/markdown', 'application/vnd.amazonaws.connect.message.interactive.response'],
      chatDurationInMinutes: 120,
      disconnectOnCustomerExit: false,
    });
    expect(
      readVisitorRequest(
        {
          ParticipantDetails: { DisplayName: '  Ada  ' },
          Attributes: { plan: 'gold' },
          InitialMessage: { ContentType: 'text/plain', Content: 'Hi' },
          SupportedMessagingContentTypes: ['text/plain'],
          ChatDurationInMinutes: 60,
          PersistentChat: { SourceContactId: 'c.1.sig' },
          DisconnectOnCustomerExit: ['AGENT'],
          ClientToken: 'tok',
        },
        options,
      ),
    ).toEqual({
      displayName: 'Ada',
      attributes: { plan: 'gold' },
      initialMessage: { ContentType: 'text/plain', Content: 'Hi' },
      supportedMessagingContentTypes: ['text/plain'],
      chatDurationInMinutes: 60,
      persistentChat: { signedSourceContactId: 'c.1.sig', rehydrationType: 'ENTIRE_PAST_SESSION' },
      disconnectOnCustomerExit: true,
      clientToken: 'tok',
    });
  });

  it("DisconnectOnCustomerExit: ['AGENT'] from the page, always, or never, as the back end says", () => {
    expect(refusal({ DisconnectOnCustomerExit: ['CUSTOMER'] }).message).toMatch(/DisconnectOnCustomerExit must be \["AGENT"\]/);
    expect(refusal({ DisconnectOnCustomerExit: 'AGENT' }).message).toMatch(/must be \["AGENT"\]/);
    const always = resolveOptions({ ...base, disconnectOnCustomerExit: 'always' });
    expect(readVisitorRequest({}, always).disconnectOnCustomerExit).toBe(true);
    const never = resolveOptions({ ...base, disconnectOnCustomerExit: 'never' });
    expect(readVisitorRequest({}, never).disconnectOnCustomerExit).toBe(false);
    expect(() => readVisitorRequest({ DisconnectOnCustomerExit: ['AGENT'] }, never)).toThrow(/turned off on this back end.*postChatSurvey/);
  });

  it('never lets the page choose the instance or the contact flow', () => {
    expect(refusal({ InstanceId: 'other', ContactFlowId: 'other' }).message).toMatch(/InstanceId and ContactFlowId are chosen by the back end.*startChatBody/);
    expect(refusal({ ContactFlowId: 'other' }).message).toMatch(/^ContactFlowId is chosen by the back end/);
  });

  it('refuses unknown members, attributes not allowed, and bad fields, naming them', () => {
    expect(refusal({ Username: 'x' }).message).toMatch(/unknown member "Username"/);
    const attribute = refusal({ Attributes: { plan: 'gold', vip: 'yes', role: 'admin' } });
    expect(attribute.code).toBe('attribute-not-allowed');
    expect(attribute.message).toMatch(/attributes "vip", "role" may not be set by the page; it may set "plan", "orderId"/);
    expect(refusal({ Attributes: { plan: 7 } }).message).toMatch(/Attributes\.plan must be text/);
    expect(refusal({ Attributes: 'plan=gold' }).message).toMatch(/Attributes must be an object/);
    expect(refusal({ ParticipantDetails: { DisplayName: 'x'.repeat(257) } }).message).toMatch(/DisplayName is 257 characters long; the most is 256/);
    expect(readVisitorRequest({ ParticipantDetails: { DisplayName: '😀'.repeat(256) } }, options).displayName).toHaveLength(512);
    expect(refusal({ ParticipantDetails: { DisplayName: 'a\nb' } }).message).toMatch(/control characters/);
    expect(refusal({ ParticipantDetails: { DisplayName: 5 } }).message).toMatch(/DisplayName must be a string/);
    expect(refusal({ ParticipantDetails: { DisplayName: 'a', ParticipantRole: 'AGENT' } }).message).toMatch(/DisplayName only; remove ParticipantRole/);
    expect(refusal({ SupportedMessagingContentTypes: ['text/plain', 'application/json'] }).message).toMatch(/application\/json is not enabled/);
    expect(refusal({ SupportedMessagingContentTypes: ['text/markdown'] }).message).toMatch(/must include 'text\/plain'/);
    expect(refusal({ InitialMessage: { ContentType: 'text/html', Content: 'x' } }).message).toMatch(/InitialMessage.ContentType/);
    expect(refusal({ InitialMessage: { ContentType: 'text/markdown', Content: 'x' }, SupportedMessagingContentTypes: ['text/plain'] }).message).toMatch(/not in SupportedMessagingContentTypes/);
    expect(refusal({ InitialMessage: { ContentType: 'text/plain', Content: 'x'.repeat(1025) } }).message).toMatch(/1025 characters long; the most is 1024/);
    expect(refusal({ ChatDurationInMinutes: 121 }).message).toMatch(/from 60 to 120, got 121/);
    expect(refusal({ ChatDurationInMinutes: 59 }).message).toMatch(/from 60 to 120/);
    expect(refusal({ PersistentChat: { SourceContactId: '' } }).message).toMatch(/signedContactId/);
    expect(refusal({ PersistentChat: { SourceContactId: 'x', RehydrationType: 'ALL' } }).message).toMatch(/RehydrationType/);
    expect(refusal({ ClientToken: 'x'.repeat(501) }).message).toMatch(/ClientToken/);
    expect(refusal([1, 2]).message).toMatch(/must be a JSON object/);
    expect(refusal(null).status).toBe(400);
  });
});
