// -ClientConfig: a hashtable, PSCustomObject or config object with AWS Tools' ClientConfig property names,
// converted to SDK v3 client settings. Unknown properties are rejected the way AWS Tools rejects them.
import { PSHashtable, PSObject } from '../../../runtime/values/objects.js';
import { isNumeric, toJsNumber } from '../../../runtime/values/numbers.js';

export interface NormalizedClientConfig {
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  requestTimeoutMs?: number;
  maxAttempts?: number;
  useAccelerateEndpoint?: boolean;
  useDualstackEndpoint?: boolean;
  proxy?: string;
  /** Stable text for the client cache key. */
  key: string;
}

export const clientConfigPropertyNames = ['ForcePathStyle', 'Timeout', 'MaxErrorRetry', 'ServiceURL', 'RegionEndpoint', 'AuthenticationRegion', 'ProxyHost', 'ProxyPort',
  'UseAccelerateEndpoint', 'UseDualstackEndpoint', 'ReadWriteTimeout', 'UseHttp', 'SignatureVersion', 'RetryMode'];
const knownLower = new Map(clientConfigPropertyNames.map((k) => [k.toLowerCase(), k]));

function entriesOf(value: unknown): [string, unknown][] | null {
  if (value instanceof PSHashtable) return [...value.entries()].map(([k, v]) => [String(k), v]);
  if (value instanceof PSObject) return [...value.properties()].map((m) => [m.name, m.value]);
  if (value && typeof value === 'object') return Object.entries(value as Record<string, unknown>);
  return null;
}

function ms(v: unknown): number {
  if (isNumeric(v)) return toJsNumber(v);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const t = o.TotalMilliseconds ?? (o as { totalMilliseconds?: unknown }).totalMilliseconds;
    if (t !== undefined) return toJsNumber(typeof t === 'function' ? (t as () => unknown)() : t);
    if (typeof o.ticks === 'bigint') return Number(o.ticks) / 10_000;
  }
  const n = Number(v);
  if (Number.isFinite(n)) return n;
  throw new Error(`Cannot convert value "${String(v)}" to type "System.TimeSpan".`);
}

/** The parameter's type converter: throws with AWS Tools' message for an unknown property. */
export function toClientConfig(servicePrefix: string, configTypeName: string) {
  return (value: unknown): NormalizedClientConfig | null => {
    if (value === null || value === undefined) return null;
    if ((value as NormalizedClientConfig).key !== undefined && !(value instanceof PSHashtable)) return value as NormalizedClientConfig;
    const entries = entriesOf(value);
    if (!entries) throw new Error(`Cannot convert the "${String(value)}" value of type "${typeof value}" to type "${configTypeName}".`);
    const out: NormalizedClientConfig = { key: '' };
    for (const [rawName, v] of entries) {
      const name = knownLower.get(rawName.toLowerCase());
      if (!name) throw new Error(`Cannot create object of type "${configTypeName}". The ${rawName} property was not found for the ${configTypeName} object.`);
      if (v === null || v === undefined) continue;
      switch (name) {
        case 'ForcePathStyle': out.forcePathStyle = !!v && v !== 'false'; break;
        case 'Timeout': case 'ReadWriteTimeout': out.requestTimeoutMs = ms(v); break;
        case 'MaxErrorRetry': out.maxAttempts = toJsNumber(isNumeric(v) ? v : Number(v)) + 1; break;
        case 'ServiceURL': out.endpoint = String(v); break;
        case 'RegionEndpoint': case 'AuthenticationRegion': out.region = typeof v === 'string' ? v : String((v as { SystemName?: unknown }).SystemName ?? v); break;
        case 'ProxyHost': out.proxy = `http://${String(v)}${out.proxy?.match(/:\d+$/)?.[0] ?? ''}`; break;
        case 'ProxyPort': out.proxy = `${out.proxy ?? 'http://localhost'}:${String(v)}`; break;
        case 'UseAccelerateEndpoint': out.useAccelerateEndpoint = !!v; break;
        case 'UseDualstackEndpoint': out.useDualstackEndpoint = !!v; break;
        default: break; // accepted for compatibility; the SDK v3 has no equivalent setting
      }
    }
    void servicePrefix;
    out.key = JSON.stringify(out);
    return out;
  };
}

export const clientConfigTypeNames: Record<string, string> = {
  S3: 'Amazon.S3.AmazonS3Config', EC2: 'Amazon.EC2.AmazonEC2Config', SQS: 'Amazon.SQS.AmazonSQSConfig',
  SNS: 'Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceConfig', STS: 'Amazon.SecurityToken.AmazonSecurityTokenServiceConfig',
  IAM: 'Amazon.IdentityManagement.AmazonIdentityManagementServiceConfig', CW: 'Amazon.CloudWatch.AmazonCloudWatchConfig',
};
