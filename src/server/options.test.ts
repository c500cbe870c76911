import { describe, expect, it } from 'vitest';
import { resolveOptions, type StartChatHandlerOptions } from './options.js';

const base: StartChatHandlerOptions = { instanceId: 'i', contactFlowId: 'f', region: 'eu-west-2', allowedOrigins: ['https://shop.example'] };

describe('resolveOptions', () => {
  it('defaults: 10 starts a minute, no visitor attributes, 1500 minutes, the three content types', () => {
    const options = resolveOptions(base);
    expect(options.rateLimit).toEqual({ max: 10, windowMs: 60_000 });
    expect([...options.allowedAttributes]).toEqual([]);
    expect(options.chatDurationInMinutes).toBe(1500);
    expect(options.supportedMessagingContentTypes).toContain('application/vnd.amazonaws.connect.message.interactive.response');
    expect(options.maxBodyBytes).toBe(16_384);
    expect(options.trustedProxies).toBe(0);
    expect(resolveOptions({ ...base, trustProxy: true }).trustedProxies).toBe(1);
    expect([...resolveOptions({ ...base, allowedOrigins: ['https://Shop.Example/'] }).allowedOrigins]).toEqual(['https://shop.example']);
  });

  it('a misconfiguration fails at start-up, naming the option', () => {
    const bad: Array<[Partial<StartChatHandlerOptions> & Record<string, unknown>, RegExp]> = [
      [{ instanceId: '' }, /instanceId is required/],
      [{ instanceId: 'arn:aws:connect:eu-west-2:1:instance/i' }, /instanceId must be the instance id, not its ARN/],
      [{ contactFlowId: undefined }, /contactFlowId is required/],
      [{ region: undefined }, /region is required/],
      [{ allowedOrigins: [] }, /allowedOrigins is required/],
      [{ allowedOrigins: ['*'] }, /allowedOrigins has "\*"/],
      [{ allowedOrigins: ['https://shop.example/chat'] }, /origin only.*https:\/\/shop\.example/],
      [{ rateLimit: { max: 0, windowMs: 1000 } }, /rateLimit\.max/],
      [{ trustProxy: -1 }, /trustProxy/],
      [{ persistentChat: { secret: 'short' } }, /persistentChat\.secret must be a random string of 32 characters or more/],
      [{ chatDurationInMinutes: 20_000 }, /chatDurationInMinutes must be a whole number of minutes from 60 to 10080/],
      [{ supportedMessagingContentTypes: ['text/markdown'] }, /includes 'text\/plain'/],
      [{ maxBodyBytes: 0 }, /maxBodyBytes/],
      [{ endpoint: 'not a url' }, /endpoint must be a URL/],
      [{ attributes: 'plan' as unknown as undefined }, /attributes must be a function/],
      [{ disconnectOnCustomerExit: 'sometimes' as 'page' }, /createStartChatHandler: disconnectOnCustomerExit must be 'page', 'always' or 'never'/],
    ];
    for (const [change, message] of bad) expect(() => resolveOptions({ ...base, ...change } as StartChatHandlerOptions), String(message)).toThrow(message);
  });
});
