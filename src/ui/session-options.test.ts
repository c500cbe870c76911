import { describe, expect, it } from 'vitest';
import { validateConfig } from '../config';
import { sessionOptions } from './session-options';

describe('sessionOptions (widget config -> ChatSession options)', () => {
  it('passes the start-chat body and headers a back end like Amazon\'s sample needs', () => {
    const { config, issues } = validateConfig({
      startChat: 'https://example.com/start',
      startChatBody: { InstanceId: 'i-1', ContactFlowId: 'f-1' },
      startChatHeaders: { 'x-api-key': 'k' },
    });
    expect(issues).toEqual([]);
    expect(sessionOptions(config)).toMatchObject({
      startChat: 'https://example.com/start',
      startChatBody: { InstanceId: 'i-1', ContactFlowId: 'f-1' },
      startChatHeaders: { 'x-api-key': 'k' },
      region: 'us-east-1',
    });
  });

  it('reports bad start-chat extras by name and leaves them out', () => {
    const { config, issues } = validateConfig({ startChat: 'https://example.com/start', startChatBody: 'InstanceId=1', startChatHeaders: { n: 1 } });
    expect(issues.map((i) => i.option).sort()).toEqual(['startChatBody', 'startChatHeaders']);
    const options = sessionOptions(config);
    expect(options.startChatBody).toBeUndefined();
    expect(options.startChatHeaders).toBeUndefined();
  });

  it('uses the endpoint instead of the region when one is set', () => {
    const { config } = validateConfig({ startChat: 'https://example.com/start', endpoint: 'http://127.0.0.1:8787' });
    expect(sessionOptions(config)).toMatchObject({ endpoint: 'http://127.0.0.1:8787' });
    expect(sessionOptions(config)).not.toHaveProperty('region');
  });
});
