// Credential resolution in AWS Tools' search order. Every source is resolved by an SDK provider
// (@aws-sdk/credential-providers, loaded on first use); this module only decides which one applies.
import { stat } from 'node:fs';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { CmdletContext } from '../../../runtime/cmdlet-api.js';
import { AwsCredentialsValue, fingerprint } from './credentials-value.js';
import { awsState, envVar } from './session-state.js';
import { readIniIfExists, sharedConfigFile, sharedCredentialsFile } from './ini-file.js';
import { awsError } from './aws-errors.js';
import { loadSdk } from './sdk-require.js';

export interface ResolvedCredentials {
  provider: AwsCredentialIdentityProvider;
  identity: string;
  /** Where they came from (for -Verbose and tests). */
  source: 'keys' | 'profile' | 'credential' | 'session' | 'environment' | 'default-profile' | 'container' | 'instance-metadata';
  /** The profile in use, if any (its `region` is a region source). */
  profileName?: string;
  profileLocation?: string;
}

type Providers = typeof import('@aws-sdk/credential-providers');
let providers: Promise<Providers> | null = null;
export function loadProviders(): Promise<Providers> {
  return (providers ??= loadSdk<Providers>('@aws-sdk/credential-providers'));
}

export interface CredentialParams {
  AccessKey?: string;
  SecretKey?: string;
  SessionToken?: string;
  ProfileName?: string;
  ProfileLocation?: string;
  Credential?: unknown;
  /** Client settings for the STS calls a role profile makes. */
  stsClientConfig?: Record<string, unknown>;
}

/** Does the profile exist in the credentials file (or `location`) or the config file? Malformed files throw. */
export function profileExists(ctx: Pick<CmdletContext, 'getVariable'>, name: string, location?: string): boolean {
  if (location) return readIniIfExists(location).hasSection(name);
  const env = envOf(ctx);
  if (readIniIfExists(sharedCredentialsFile(env)).hasSection(name)) return true;
  const cfg = readIniIfExists(sharedConfigFile(env));
  return cfg.hasSection(name === 'default' ? 'default' : `profile ${name}`) || cfg.hasSection(name);
}

export function envOf(ctx: Pick<CmdletContext, 'getVariable'>): Record<string, string | undefined> {
  return {
    HOME: envVar(ctx, 'HOME'),
    AWS_SHARED_CREDENTIALS_FILE: envVar(ctx, 'AWS_SHARED_CREDENTIALS_FILE'),
    AWS_CONFIG_FILE: envVar(ctx, 'AWS_CONFIG_FILE'),
  };
}

/** An SDK provider for a stored profile (basic, session, role, credential_process, SSO: fromIni handles them all). */
export async function profileProvider(
  ctx: CmdletContext,
  name: string,
  location: string | undefined,
  stsClientConfig?: Record<string, unknown>,
): Promise<AwsCredentialIdentityProvider> {
  const { fromIni } = await loadProviders();
  const env = envOf(ctx);
  return fromIni({
    profile: name,
    filepath: location ?? sharedCredentialsFile(env),
    configFilepath: sharedConfigFile(env),
    ignoreCache: true, // Set-AWSCredential may have just written the file
    ...(stsClientConfig ? { clientConfig: stsClientConfig } : {}),
    mfaCodeProvider: async (serial: string) => {
      if (!ctx.host.readLine) throw new Error(`Profile '${name}' requires an MFA code for '${serial}', and this host cannot prompt.`);
      return ctx.host.readLine(`Enter MFA code for ${serial}: `);
    },
  });
}

function credentialFromObject(value: unknown): AwsCredentialsValue | null {
  if (value instanceof AwsCredentialsValue) return value;
  if (value && typeof value === 'object') {
    // Amazon.SecurityToken.Model.Credentials (e.g. (Use-STSRole ...).Credentials) or any object with keys.
    const o = value as Record<string, unknown>;
    const inner = (o.Credentials ?? o) as Record<string, unknown>;
    const ak = inner.AccessKeyId ?? inner.AccessKey;
    const sk = inner.SecretAccessKey ?? inner.SecretKey;
    if (typeof ak === 'string' && typeof sk === 'string') {
      const token = inner.SessionToken ?? inner.Token;
      return AwsCredentialsValue.fromKeys(ak, sk, typeof token === 'string' && token ? token : undefined);
    }
  }
  return null;
}

/** Resolves credentials exactly in the guide's "Credentials Search Order". Throws an ErrorRecord-carrying error. */
export async function resolveCredentials(ctx: CmdletContext, p: CredentialParams): Promise<ResolvedCredentials> {
  // 1. literal keys
  if (p.AccessKey || p.SecretKey) {
    if (!p.AccessKey || !p.SecretKey) {
      throw awsError('Both -AccessKey and -SecretKey must be specified to use literal credentials.', 'InvalidArgument', 'System.ArgumentException');
    }
    const v = AwsCredentialsValue.fromKeys(p.AccessKey, p.SecretKey, p.SessionToken);
    return { provider: v._provider, identity: v._identity, source: 'keys' };
  }
  // 2. -ProfileName / -ProfileLocation: not found is an error, no fall-through
  if (p.ProfileName || p.ProfileLocation) {
    const name = p.ProfileName || 'default';
    const location = p.ProfileLocation ? ctx.resolvePath(p.ProfileLocation) : undefined;
    if (location && !(await fileExists(location))) {
      throw awsError(`The profile location '${location}' does not exist.`, 'ObjectNotFound', 'System.ArgumentException');
    }
    if (!profileExists(ctx, name, location)) {
      throw awsError(
        location ? `Profile '${name}' was not found in '${location}'.` : `Profile '${name}' was not found in the shared credentials or config file.`,
        'ObjectNotFound',
        'System.ArgumentException',
      );
    }
    return {
      provider: await profileProvider(ctx, name, location, p.stsClientConfig),
      identity: `profile:${location ?? ''}:${name}`,
      source: 'profile',
      profileName: name,
      profileLocation: location,
    };
  }
  // 3. -Credential
  if (p.Credential !== undefined && p.Credential !== null) {
    const v = credentialFromObject(p.Credential);
    if (!v) throw awsError('The -Credential value is not an AWSCredentials object.', 'InvalidArgument', 'System.ArgumentException');
    return { provider: v._provider, identity: v._identity, source: 'credential', profileName: v.ProfileName };
  }
  // 4. the shell default (Set-AWSCredential / Initialize-AWSDefaultConfiguration)
  const shell = awsState(ctx.session).credentials;
  if (shell) return { provider: shell._provider, identity: shell._identity, source: 'session', profileName: shell.ProfileName };
  // 5. environment variables
  const ak = envVar(ctx, 'AWS_ACCESS_KEY_ID');
  const sk = envVar(ctx, 'AWS_SECRET_ACCESS_KEY');
  if (ak && sk) {
    const token = envVar(ctx, 'AWS_SESSION_TOKEN');
    const v = AwsCredentialsValue.fromKeys(ak, sk, token);
    return { provider: v._provider, identity: `env:${ak}:${fingerprint(sk + (token ?? ''))}`, source: 'environment' };
  }
  const envProfile = envVar(ctx, 'AWS_PROFILE');
  if (envProfile) {
    if (!profileExists(ctx, envProfile)) {
      throw awsError(`Profile '${envProfile}' named by AWS_PROFILE was not found in the shared credentials or config file.`, 'ObjectNotFound', 'System.ArgumentException');
    }
    return { provider: await profileProvider(ctx, envProfile, undefined, p.stsClientConfig), identity: `profile::${envProfile}`, source: 'environment', profileName: envProfile };
  }
  // 6. the default profile
  if (profileExists(ctx, 'default')) {
    return { provider: await profileProvider(ctx, 'default', undefined, p.stsClientConfig), identity: 'profile::default', source: 'default-profile', profileName: 'default' };
  }
  // 7. container, then instance metadata
  const { fromContainerMetadata, fromInstanceMetadata } = await loadProviders();
  if (envVar(ctx, 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI') || envVar(ctx, 'AWS_CONTAINER_CREDENTIALS_FULL_URI')) {
    return { provider: fromContainerMetadata({ timeout: 2000, maxRetries: 1 }), identity: 'container', source: 'container' };
  }
  if (envVar(ctx, 'AWS_EC2_METADATA_DISABLED') !== 'true') {
    const imds = fromInstanceMetadata({ timeout: 1000, maxRetries: 0 });
    const noCredentials = noCredentialsError();
    const provider: AwsCredentialIdentityProvider = async () => {
      try {
        return await imds();
      } catch {
        throw noCredentials;
      }
    };
    return { provider, identity: 'instance-metadata', source: 'instance-metadata' };
  }
  throw noCredentialsError();
}

export function noCredentialsError() {
  return awsError(
    'No credentials specified or obtained from persisted/shell defaults. Use -ProfileName, -AccessKey/-SecretKey or -Credential, ' +
      'run Set-AWSCredential, set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or create a default profile.',
    'InvalidOperation',
    'System.InvalidOperationException',
  );
}

function fileExists(path: string): Promise<boolean> {
  return new Promise((done) => stat(path, (err) => done(!err)));
}
