// Conformance: the official @aws-sdk/client-connect StartTaskContactCommand against the emulator
// (PUT /contact/task), validated as Amazon Connect does, and the tasks on the control API.
import {
  ConnectClient,
  InvalidParameterException,
  InvalidRequestException,
  ResourceNotFoundException,
  StartChatContactCommand,
  StartTaskContactCommand,
  type StartTaskContactCommandInput,
} from '@aws-sdk/client-connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { connectClient, emulator, json } from './testing/helpers.js';
import type { TaskContact } from './types.js';

let emu: Emulator;
let connect: ConnectClient;
beforeAll(async () => {
  emu = await emulator();
  connect = connectClient(emu.url);
});
afterAll(async () => {
  connect.destroy();
  await emu.close();
});

const TASK: StartTaskContactCommandInput = { InstanceId: 'instance-1', ContactFlowId: 'offline-messages-flow', Name: 'Message from Ada' };

async function refusal(input: Partial<StartTaskContactCommandInput>): Promise<Error> {
  try {
    await connect.send(new StartTaskContactCommand({ ...TASK, ...input }));
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected StartTaskContact to fail');
}

describe('StartTaskContact', () => {
  it('creates a task with its name, description, references and attributes, listed on the control API', async () => {
    const out = await connect.send(
      new StartTaskContactCommand({
        ...TASK,
        Description: 'Can I change the delivery address of order 10423?',
        References: {
          email: { Type: 'EMAIL', Value: 'ada@example.com' },
          page: { Type: 'URL', Value: 'https://shop.example/orders/10423' },
          name: { Type: 'STRING', Value: 'Ada Lovelace' },
        },
        Attributes: { source: 'widget-offline' },
      }),
    );
    expect(out.ContactId).toMatch(/^[0-9a-f-]{36}$/);
    const task = await json<TaskContact>(`${emu.url}/emulator/tasks/${out.ContactId}`);
    expect(task.body).toMatchObject({
      ContactId: out.ContactId,
      InstanceId: 'instance-1',
      ContactFlowId: 'offline-messages-flow',
      Name: 'Message from Ada',
      Description: 'Can I change the delivery address of order 10423?',
      Attributes: { source: 'widget-offline' },
      References: { email: { Type: 'EMAIL', Value: 'ada@example.com' }, name: { Type: 'STRING', Value: 'Ada Lovelace' } },
    });
    const list = await json<{ Tasks: TaskContact[] }>(`${emu.url}/emulator/tasks`);
    expect(list.body.Tasks.map((t) => t.ContactId)).toContain(out.ContactId);
  });

  it('is idempotent by ClientToken; ScheduledTime within 6 days is kept', async () => {
    const at = new Date(Date.now() + 3_600_000);
    const a = await connect.send(new StartTaskContactCommand({ ...TASK, ClientToken: 'offline-1', ScheduledTime: at }));
    const b = await connect.send(new StartTaskContactCommand({ ...TASK, ClientToken: 'offline-1', ScheduledTime: at }));
    expect(b.ContactId).toBe(a.ContactId);
    const task = await json<TaskContact>(`${emu.url}/emulator/tasks/${a.ContactId}`);
    expect(Date.parse(task.body.ScheduledTime as string)).toBe(at.getTime());
  });

  it('needs exactly one of ContactFlowId, QuickConnectId and TaskTemplateId', async () => {
    const none = await refusal({ ContactFlowId: undefined });
    expect(none).toBeInstanceOf(InvalidRequestException);
    expect(none.message).toMatch(/one of ContactFlowId, QuickConnectId or TaskTemplateId/);
    const two = await refusal({ QuickConnectId: 'qc-1' });
    expect(two).toBeInstanceOf(InvalidRequestException);
    expect(two.message).toMatch(/only one of .*\(got ContactFlowId, QuickConnectId\)/);
    const template = await connect.send(new StartTaskContactCommand({ ...TASK, ContactFlowId: undefined, TaskTemplateId: 'template-1' }));
    expect(template.ContactId).toBeTruthy();
  });

  it('refuses what Amazon Connect refuses, naming the member', async () => {
    const noName = await refusal({ Name: undefined });
    expect(noName).toBeInstanceOf(InvalidParameterException);
    expect(noName.message).toMatch(/'Name'.*must not be null/);
    const longName = await refusal({ Name: 'x'.repeat(513) });
    expect(longName.message).toMatch(/'Name'.*less than or equal to 512/);
    const longDescription = await refusal({ Description: 'x'.repeat(4097) });
    expect(longDescription.message).toMatch(/'Description'.*less than or equal to 4096/);
    const attachment = await refusal({ References: { file: { Type: 'ATTACHMENT', Value: 'https://x.example/a.pdf' } } });
    expect(attachment.message).toMatch(/cannot be created with a ATTACHMENT reference/);
    const email = await refusal({ References: { email: { Type: 'EMAIL', Value: 'not-an-email' } } });
    expect(email).toBeInstanceOf(InvalidParameterException);
    expect(email.message).toMatch(/References\.email: a EMAIL reference must be an email address/);
    const badType = await refusal({ References: { x: { Type: 'PHONE' as 'URL', Value: '1' } } });
    expect(badType.message).toMatch(/enum value set/);
    const past = await refusal({ ScheduledTime: new Date(Date.now() - 3_600_000) });
    expect(past.message).toMatch(/ScheduledTime cannot be in the past/);
    const far = await refusal({ ScheduledTime: new Date(Date.now() + 7 * 86_400_000) });
    expect(far.message).toMatch(/within 6 days/);
    const attributes = await refusal({ Attributes: { a: 'x'.repeat(20_000), b: 'y'.repeat(20_000) } });
    expect(attributes.message).toMatch(/the most is 32768/);
    const previous = await refusal({ PreviousContactId: 'no-such-contact' });
    expect(previous).toBeInstanceOf(ResourceNotFoundException);
  });

  it('links to an earlier chat contact', async () => {
    const chat = await connect.send(new StartChatContactCommand({ InstanceId: 'instance-1', ContactFlowId: 'flow-1', ParticipantDetails: { DisplayName: 'Ada' } }));
    const task = await connect.send(new StartTaskContactCommand({ ...TASK, PreviousContactId: chat.ContactId }));
    expect((await json<TaskContact>(`${emu.url}/emulator/tasks/${task.ContactId}`)).body.PreviousContactId).toBe(chat.ContactId);
    const missing = await json<{ message: string }>(`${emu.url}/emulator/tasks/nope`);
    expect(missing.status).toBe(404);
  });

  it('the StartTaskContact fault fails it like any operation', async () => {
    await json(`${emu.url}/emulator/faults`, { body: { fail: { operation: 'StartTaskContact', status: 503 } } });
    const failed = await refusal({});
    expect((failed as Error & { $metadata: { httpStatusCode?: number } }).$metadata.httpStatusCode).toBe(503);
  });
});
