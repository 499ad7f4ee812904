// Lazy per-service clients. A service's @aws-sdk/client-* module is imported the first time one of its cmdlets
// runs; clients are cached per resolved region, credentials identity, endpoint and client config.
import type { CmdletContext } from '../../../runtime/cmdlet-api.js';
import { resolveCredentials, type ResolvedCredentials } from './credentials.js';
import { resolveRegion } from './regions.js';
import { awsState, envVar } from './session-state.js';
import type { NormalizedClientConfig } from './client-config.js';
import { loadSchemaLib } from './schema-values.js';
import { loadSdk } from './sdk-require.js';

const packages: Record<string, string> = {
  S3: '@aws-sdk/client-s3', EC2: '@aws-sdk/client-ec2', SQS: '@aws-sdk/client-sqs', SNS: '@aws-sdk/client-sns',
  STS: '@aws-sdk/client-sts', IAM: '@aws-sdk/client-iam', CW: '@aws-sdk/client-cloudwatch',
};
const clientClasses: Record<string, string> = { S3: 'S3Client', EC2: 'EC2Client', SQS: 'SQSClient', SNS: 'SNSClient', STS: 'STSClient', IAM: 'IAMClient', CW: 'CloudWatchClient' };
/** AWS_ENDPOINT_URL_<SERVICE> names (the SDK reads them; we look only to decide S3 path-style). */
const endpointEnvNames: Record<string, string> = { S3: 'S3', EC2: 'EC2', SQS: 'SQS', SNS: 'SNS', STS: 'STS', IAM: 'IAM', CW: 'CLOUDWATCH' };

const modules = new Map<string, Promise<Record<string, any>>>();
export function loadServiceModule(prefix: string): Promise<Record<string, any>> {
  let m = modules.get(prefix);
  if (!m) {
    const pkg = packages[prefix];
    if (!pkg) throw new Error(`No SDK client is available for service '${prefix}'.`);
    m = Promise.all([loadSdk(pkg), loadSchemaLib()]).then(([mod]) => mod);
    modules.set(prefix, m);
  }
  return m;
}
/** Which service modules have been loaded (for start-up tests). */
export function loadedServiceModules(): string[] {
  return [...modules.keys()];
}

export interface CommonAwsParams {
  Region?: unknown;
  AccessKey?: string;
  SecretKey?: string;
  SessionToken?: string;
  ProfileName?: string;
  ProfileLocation?: string;
  Credential?: unknown;
  EndpointUrl?: string;
  ClientConfig?: NormalizedClientConfig | null;
}

export interface ServiceClient {
  client: { send(command: unknown, options?: unknown): Promise<any>; config: any };
  module: Record<string, any>;
  region: string;
  endpoint: string | undefined;
  credentials: ResolvedCredentials;
}

const clientCache = new Map<string, ServiceClient>();
export function clearClientCache(): void {
  clientCache.clear();
}

function isLocalHost(url: string): boolean {
  try {
    const h = new URL(url).hostname;
    return h === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(h) || h.startsWith('[') || h.endsWith('.localhost');
  } catch {
    return false;
  }
}

export async function getServiceClient(ctx: CmdletContext, prefix: string, p: CommonAwsParams): Promise<ServiceClient> {
  const state = awsState(ctx.session);
  const cfg = p.ClientConfig ?? (state.clientConfig as NormalizedClientConfig | undefined) ?? null;
  const explicitEndpoint = p.EndpointUrl || cfg?.endpoint || state.endpoint || undefined;
  const envEndpoint = envVar(ctx, `AWS_ENDPOINT_URL_${endpointEnvNames[prefix]}`) ?? envVar(ctx, 'AWS_ENDPOINT_URL');
  // Pass an env endpoint explicitly only when the SDK can't see it (set via $env: but not in process.env).
  const endpoint = explicitEndpoint ?? (envEndpoint && process.env.AWS_ENDPOINT_URL !== envEndpoint && process.env[`AWS_ENDPOINT_URL_${endpointEnvNames[prefix]}`] !== envEndpoint ? envEndpoint : undefined);
  const effectiveEndpoint = endpoint ?? envEndpoint;
  const modPromise = loadServiceModule(prefix);
  const credentialsParams = { ...p, stsClientConfig: undefined as Record<string, unknown> | undefined };
  const region0 = (() => {
    try {
      return resolveRegion(ctx, { Region: p.Region, ClientConfig: cfg ?? undefined, profileName: p.ProfileName, profileLocation: p.ProfileLocation }, prefix);
    } catch (e) {
      return e as Error;
    }
  })();
  if (typeof region0 === 'string') credentialsParams.stsClientConfig = { region: region0 };
  const credentials = await resolveCredentials(ctx, credentialsParams);
  // The profile in use may name the region.
  const region =
    typeof region0 === 'string' && (p.Region || cfg?.region || state.region || !credentials.profileName)
      ? region0
      : resolveRegion(ctx, { Region: p.Region, ClientConfig: cfg ?? undefined, profileName: credentials.profileName, profileLocation: credentials.profileLocation }, prefix);
  const key = `${prefix}|${region}|${credentials.identity}|${endpoint ?? ''}|${cfg?.key ?? ''}`;
  const cached = clientCache.get(key);
  if (cached) return cached;
  const mod = await modPromise;
  const Client = mod[clientClasses[prefix]!];
  const config: Record<string, unknown> = { region, credentials: credentials.provider };
  if (endpoint) config.endpoint = endpoint;
  if (prefix === 'S3') {
    const pathStyle = cfg?.forcePathStyle ?? (effectiveEndpoint ? isLocalHost(effectiveEndpoint) : false);
    if (pathStyle) config.forcePathStyle = true;
    if (cfg?.useAccelerateEndpoint) config.useAccelerateEndpoint = true;
  }
  if (cfg?.useDualstackEndpoint) config.useDualstackEndpoint = true;
  if (cfg?.maxAttempts) config.maxAttempts = cfg.maxAttempts;
  if (cfg?.requestTimeoutMs) config.requestHandler = { requestTimeout: cfg.requestTimeoutMs };
  const client = new Client(config);
  const entry: ServiceClient = { client, module: mod, region, endpoint: effectiveEndpoint, credentials };
  clientCache.set(key, entry);
  return entry;
}
