// The endpoint rule set (wire-spec §5): every branch, every partition, every error.
import { describe, expect, it } from 'vitest';
import { EndpointConfigurationError, ParticipantClient, PARTITIONS, resolveEndpoint } from './index.js';
import { normalizeCustomEndpoint, partitionOf } from './endpoint.js';

describe('the service model’s own endpoint test cases', () => {
  it.each([
    ['us-east-1', true, true, 'https://participant.connect-fips.us-east-1.api.aws'],
    ['us-east-1', true, false, 'https://participant.connect-fips.us-east-1.amazonaws.com'],
    ['us-east-1', false, true, 'https://participant.connect.us-east-1.api.aws'],
    ['us-east-1', false, false, 'https://participant.connect.us-east-1.amazonaws.com'],
    ['cn-north-1', true, true, 'https://participant.connect-fips.cn-north-1.api.amazonwebservices.com.cn'],
    ['cn-north-1', true, false, 'https://participant.connect-fips.cn-north-1.amazonaws.com.cn'],
    ['cn-north-1', false, true, 'https://participant.connect.cn-north-1.api.amazonwebservices.com.cn'],
    ['cn-north-1', false, false, 'https://participant.connect.cn-north-1.amazonaws.com.cn'],
    ['us-gov-west-1', false, false, 'https://participant.connect.us-gov-west-1.amazonaws.com'],
    ['us-gov-west-1', true, false, 'https://participant.connect.us-gov-west-1.amazonaws.com'],
    ['us-gov-east-1', true, true, 'https://participant.connect-fips.us-gov-east-1.api.aws'],
    ['us-gov-east-1', true, false, 'https://participant.connect.us-gov-east-1.amazonaws.com'],
    ['us-gov-east-1', false, true, 'https://participant.connect.us-gov-east-1.api.aws'],
    ['us-gov-east-1', false, false, 'https://participant.connect.us-gov-east-1.amazonaws.com'],
    ['us-iso-east-1', true, false, 'https://participant.connect-fips.us-iso-east-1.c2s.ic.gov'],
    ['us-iso-east-1', false, false, 'https://participant.connect.us-iso-east-1.c2s.ic.gov'],
    ['us-isob-east-1', true, false, 'https://participant.connect-fips.us-isob-east-1.sc2s.sgov.gov'],
    ['us-isob-east-1', false, false, 'https://participant.connect.us-isob-east-1.sc2s.sgov.gov'],
  ] as const)('%s fips=%s dualstack=%s -> %s', (region, useFipsEndpoint, useDualstackEndpoint, url) => {
    expect(resolveEndpoint({ region, useFipsEndpoint, useDualstackEndpoint })).toBe(url);
  });

  it('custom endpoint, with or without region', () => {
    expect(resolveEndpoint({ region: 'us-east-1', endpoint: 'https://example.com' })).toBe('https://example.com');
    expect(resolveEndpoint({ endpoint: 'https://example.com' })).toBe('https://example.com');
  });

  it('FIPS with a custom endpoint is a configuration error', () => {
    expect(() => resolveEndpoint({ region: 'us-east-1', useFipsEndpoint: true, endpoint: 'https://example.com' })).toThrow(
      'Invalid Configuration: FIPS and custom endpoint are not supported',
    );
  });

  it('dualstack with a custom endpoint is a configuration error', () => {
    expect(() => resolveEndpoint({ region: 'us-east-1', useDualstackEndpoint: true, endpoint: 'https://example.com' })).toThrow(
      'Invalid Configuration: Dualstack and custom endpoint are not supported',
    );
  });

  it('no region and no endpoint: Missing Region, with what to pass', () => {
    const err = (() => {
      try {
        resolveEndpoint({});
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(EndpointConfigurationError);
    expect((err as Error).message).toContain('Invalid Configuration: Missing Region');
    expect((err as Error).message).toContain("region` (e.g. 'us-east-1'");
    expect(() => resolveEndpoint({ region: '' })).toThrow('Missing Region');
  });
});

describe('every partition, every variant', () => {
  const SAMPLE: Record<string, string> = {
    aws: 'eu-central-1',
    'aws-cn': 'cn-northwest-1',
    'aws-us-gov': 'us-gov-west-1',
    'aws-iso': 'us-iso-west-1',
    'aws-iso-b': 'us-isob-east-1',
    'aws-iso-e': 'eu-isoe-west-1',
    'aws-iso-f': 'us-isof-south-1',
    'aws-eusc': 'eusc-de-east-1',
  };
  it('the table has the 8 partitions', () => {
    expect(PARTITIONS.map((p) => p.name)).toEqual(Object.keys(SAMPLE));
  });
  for (const p of PARTITIONS) {
    const region = SAMPLE[p.name];
    it(`${p.name} (${region})`, () => {
      expect(partitionOf(region).name).toBe(p.name);
      expect(resolveEndpoint({ region })).toBe(`https://participant.connect.${region}.${p.dnsSuffix}`);
      expect(resolveEndpoint({ region, useDualstackEndpoint: true })).toBe(`https://participant.connect.${region}.${p.dualStackDnsSuffix}`);
      expect(resolveEndpoint({ region, useFipsEndpoint: true, useDualstackEndpoint: true })).toBe(
        `https://participant.connect-fips.${region}.${p.dualStackDnsSuffix}`,
      );
      expect(resolveEndpoint({ region, useFipsEndpoint: true })).toBe(
        p.name === 'aws-us-gov'
          ? `https://participant.connect.${region}.amazonaws.com`
          : `https://participant.connect-fips.${region}.${p.dnsSuffix}`,
      );
    });
  }

  it.each([
    ['ap-southeast-2', 'aws'],
    ['il-central-1', 'aws'],
    ['mx-central-1', 'aws'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['eusc-de-east-1', 'aws-eusc'],
    // Unknown regions fall back to the aws partition, as aws.partition does.
    ['xx-moon-1', 'aws'],
    ['local', 'aws'],
  ])('%s is in partition %s', (region, name) => {
    expect(partitionOf(region).name).toBe(name);
  });

  it('an unknown region resolves in the aws partition', () => {
    expect(resolveEndpoint({ region: 'xx-moon-1' })).toBe('https://participant.connect.xx-moon-1.amazonaws.com');
  });
});

describe('region and endpoint checks', () => {
  it.each(['us-east-1/evil', 'us east 1', 'evil.com#', '-us-east-1', 'us-east-1.'])('region %j is rejected', (region) => {
    expect(() => resolveEndpoint({ region })).toThrow(EndpointConfigurationError);
    expect(() => resolveEndpoint({ region })).toThrow(/a region is a host name label like 'us-east-1'/);
  });

  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://127.0.0.1:8787/base', 'http://127.0.0.1:8787/base'],
    ['http://127.0.0.1:8787/base/', 'http://127.0.0.1:8787/base'],
    ['http://127.0.0.1:8787/base///', 'http://127.0.0.1:8787/base'],
    ['https://Participant.Connect.us-east-1.amazonaws.com', 'https://participant.connect.us-east-1.amazonaws.com'],
  ])('custom endpoint %s -> base %s', (endpoint, base) => {
    expect(normalizeCustomEndpoint(endpoint)).toBe(base);
  });

  it.each([
    ['participant.connect.us-east-1.amazonaws.com', /not an absolute URL/],
    ['', /not an absolute URL/],
    ['ftp://example.com', /uses ftp:/],
    ['wss://example.com', /uses wss:/],
    ['https://example.com/?x=1', /must not carry a query/],
    ['https://example.com/#frag', /must not carry a query, fragment/],
    ['https://user:pass@example.com', /credentials/],
  ])('custom endpoint %j is rejected', (endpoint, message) => {
    expect(() => resolveEndpoint({ endpoint })).toThrow(EndpointConfigurationError);
    expect(() => resolveEndpoint({ endpoint })).toThrow(message);
  });

  it('a rejected endpoint with credentials does not repeat them in the message', () => {
    expect(() => resolveEndpoint({ endpoint: 'https://user:secret@example.com/x?token=abc' })).toThrow(/^(?!.*(secret|abc)).*$/s);
  });
});

describe('the client constructor applies the rule set', () => {
  it('exposes the resolved endpoint', () => {
    expect(new ParticipantClient({ region: 'us-west-2' }).endpoint).toBe('https://participant.connect.us-west-2.amazonaws.com');
    expect(new ParticipantClient({ region: 'us-gov-west-1', useFipsEndpoint: true }).endpoint).toBe(
      'https://participant.connect.us-gov-west-1.amazonaws.com',
    );
    expect(new ParticipantClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1/x/' }).endpoint).toBe('http://127.0.0.1:1/x');
  });

  it('throws EndpointConfigurationError at construction, not at the first call', () => {
    expect(() => new ParticipantClient()).toThrow(EndpointConfigurationError);
    expect(() => new ParticipantClient({ endpoint: 'http://127.0.0.1:1', useFipsEndpoint: true })).toThrow(/FIPS and custom endpoint/);
    expect(() => new ParticipantClient({ endpoint: 'http://127.0.0.1:1', useDualstackEndpoint: true })).toThrow(/Dualstack and custom endpoint/);
  });
});
