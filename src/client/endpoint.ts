// Endpoint resolution: the service's endpoint rule set 1.0 (wire-spec §5) as a pure function.
import { EndpointConfigurationError } from './errors.js';

export interface EndpointParams {
  region?: string;
  /** A custom endpoint (e.g. the local emulator). Overrides the region's endpoint. */
  endpoint?: string;
  useFipsEndpoint?: boolean;
  useDualstackEndpoint?: boolean;
}

export interface Partition {
  name: string;
  regionRegex: RegExp;
  dnsSuffix: string;
  dualStackDnsSuffix: string;
  supportsFIPS: boolean;
  supportsDualStack: boolean;
}

const partition = (name: string, regionRegex: RegExp, dnsSuffix: string, dualStackDnsSuffix: string): Partition => ({
  name,
  regionRegex,
  dnsSuffix,
  dualStackDnsSuffix,
  supportsFIPS: true,
  supportsDualStack: true,
});

/** The AWS partitions (botocore partitions.json). `aws` is also the fallback for unknown regions. */
export const PARTITIONS: readonly Partition[] = [
  partition('aws', /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, 'amazonaws.com', 'api.aws'),
  partition('aws-cn', /^cn-\w+-\d+$/, 'amazonaws.com.cn', 'api.amazonwebservices.com.cn'),
  partition('aws-us-gov', /^us-gov-\w+-\d+$/, 'amazonaws.com', 'api.aws'),
  partition('aws-iso', /^us-iso-\w+-\d+$/, 'c2s.ic.gov', 'api.aws.ic.gov'),
  partition('aws-iso-b', /^us-isob-\w+-\d+$/, 'sc2s.sgov.gov', 'api.aws.scloud'),
  partition('aws-iso-e', /^eu-isoe-\w+-\d+$/, 'cloud.adc-e.uk', 'api.cloud-aws.adc-e.uk'),
  partition('aws-iso-f', /^us-isof-\w+-\d+$/, 'csp.hci.ic.gov', 'api.aws.hci.ic.gov'),
  partition('aws-eusc', /^eusc-(de)-\w+-\d+$/, 'amazonaws.eu', 'api.amazonwebservices.eu'),
];

/** `aws.partition(region)`: the first partition whose regex matches, else `aws`. */
export function partitionOf(region: string): Partition {
  // `aws` is the fallback, so test the specific partitions first.
  const specific = PARTITIONS.slice(1).find((p) => p.regionRegex.test(region));
  return specific ?? PARTITIONS[0];
}

// A region becomes part of a host name: allow only what a DNS label allows (the SDKs check the same).
const REGION_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * Resolves the base URL of the service (no trailing slash). Throws EndpointConfigurationError with
 * the rule set's own wording plus what to change.
 */
export function resolveEndpoint(params: EndpointParams): string {
  const fips = params.useFipsEndpoint === true;
  const dualstack = params.useDualstackEndpoint === true;
  if (params.endpoint !== undefined) {
    if (fips) {
      throw new EndpointConfigurationError(
        'Invalid Configuration: FIPS and custom endpoint are not supported. Remove useFipsEndpoint or endpoint.',
      );
    }
    if (dualstack) {
      throw new EndpointConfigurationError(
        'Invalid Configuration: Dualstack and custom endpoint are not supported. Remove useDualstackEndpoint or endpoint.',
      );
    }
    return normalizeCustomEndpoint(params.endpoint);
  }
  const region = params.region;
  if (region === undefined || region === '') {
    throw new EndpointConfigurationError(
      "Invalid Configuration: Missing Region. Pass `region` (e.g. 'us-east-1', the region of your Amazon Connect " +
        "instance) or `endpoint` (e.g. 'http://127.0.0.1:8787' for the local emulator).",
    );
  }
  if (!REGION_LABEL.test(region)) {
    throw new EndpointConfigurationError(
      `Invalid region ${JSON.stringify(region)}: a region is a host name label like 'us-east-1'.`,
    );
  }
  const p = partitionOf(region);
  if (fips && dualstack) {
    if (!(p.supportsFIPS && p.supportsDualStack)) {
      throw new EndpointConfigurationError(
        'FIPS and DualStack are enabled, but this partition does not support one or both. Disable one of them.',
      );
    }
    return `https://participant.connect-fips.${region}.${p.dualStackDnsSuffix}`;
  }
  if (fips) {
    if (!p.supportsFIPS) {
      throw new EndpointConfigurationError('FIPS is enabled but this partition does not support FIPS. Disable useFipsEndpoint.');
    }
    // The rule set's quirk: GovCloud's standard endpoint is already FIPS-validated.
    if (p.name === 'aws-us-gov') return `https://participant.connect.${region}.amazonaws.com`;
    return `https://participant.connect-fips.${region}.${p.dnsSuffix}`;
  }
  if (dualstack) {
    if (!p.supportsDualStack) {
      throw new EndpointConfigurationError(
        'DualStack is enabled but this partition does not support DualStack. Disable useDualstackEndpoint.',
      );
    }
    return `https://participant.connect.${region}.${p.dualStackDnsSuffix}`;
  }
  return `https://participant.connect.${region}.${p.dnsSuffix}`;
}

/**
 * Checks a custom endpoint and drops trailing slashes, so `http://host/base/` and `http://host/base`
 * both give `/base/participant/...` (the AWS SDK would send `/base//participant/...`).
 */
export function normalizeCustomEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointConfigurationError(
      `endpoint ${JSON.stringify(endpoint)} is not an absolute URL. Pass e.g. 'https://participant.connect.us-east-1.amazonaws.com' ` +
        "or 'http://127.0.0.1:8787', or leave endpoint out and pass region.",
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EndpointConfigurationError(
      `endpoint ${JSON.stringify(endpoint)} uses ${url.protocol}; the Participant Service is reached over https: (or http: for a local emulator).`,
    );
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new EndpointConfigurationError(
      `endpoint ${JSON.stringify(url.origin + url.pathname)} must not carry a query, fragment or credentials; pass only scheme, host, port and an optional base path.`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
