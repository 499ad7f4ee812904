// An AWSCredentials object as scripts see it (New-AWSCredential, Get-AWSCredential -ProfileName, -Credential).
// Secrets live behind a symbol, so formatting, Get-Member and ConvertTo-Json never show them.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

const secret = Symbol('awsh.credentials');
export const TYPE_NAME = Symbol.for('awsh.typeName');

interface Hidden {
  provider: AwsCredentialIdentityProvider;
  /** Stable identity for client caching (never contains a secret in clear). */
  identity: string;
}

export class AwsCredentialsValue {
  declare [secret]: Hidden;
  declare [TYPE_NAME]: string;
  /** The profile this came from, when any (what Get-AWSCredential shows). */
  readonly ProfileName?: string;

  constructor(typeName: string, provider: AwsCredentialIdentityProvider, identity: string, profileName?: string) {
    Object.defineProperty(this, secret, { value: { provider, identity }, enumerable: false });
    Object.defineProperty(this, TYPE_NAME, { value: typeName, enumerable: false, writable: true });
    // Not one of the object's properties (.NET's AWSCredentials has none); read by the credential resolution.
    if (profileName !== undefined) Object.defineProperty(this, 'ProfileName', { value: profileName, enumerable: false });
  }

  // Underscore names: not listed as properties (Format-List, Get-Member), as .NET's AWSCredentials has none of these.
  get _provider(): AwsCredentialIdentityProvider {
    return this[secret].provider;
  }
  get _identity(): string {
    return this[secret].identity;
  }

  /** .NET's AWSCredentials.GetCredentials(): ImmutableCredentials (AccessKey, SecretKey, Token, UseToken). */
  async GetCredentials(): Promise<{ AccessKey: string; SecretKey: string; Token: string; UseToken: boolean }> {
    const c = await this._provider();
    const out = { AccessKey: c.accessKeyId, SecretKey: c.secretAccessKey, Token: c.sessionToken ?? '', UseToken: !!c.sessionToken };
    Object.defineProperty(out, TYPE_NAME, { value: 'Amazon.Runtime.ImmutableCredentials', enumerable: false, writable: true });
    return out;
  }

  toString(): string {
    return this[TYPE_NAME];
  }

  static fromKeys(accessKey: string, secretKey: string, sessionToken?: string): AwsCredentialsValue {
    const creds: AwsCredentialIdentity = { accessKeyId: accessKey, secretAccessKey: secretKey, ...(sessionToken ? { sessionToken } : {}) };
    return new AwsCredentialsValue(
      sessionToken ? 'Amazon.Runtime.SessionAWSCredentials' : 'Amazon.Runtime.BasicAWSCredentials',
      async () => creds,
      `keys:${accessKey}:${fingerprint(secretKey + '\0' + (sessionToken ?? ''))}`,
    );
  }
}

/** A short non-reversible fingerprint so two different secrets for one key id don't share a cached client. */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 + c, 2246822519);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

/** The last 4 characters of an access key, the most ever shown. */
export function maskAccessKey(key: string): string {
  return key.length <= 4 ? '****' : '*'.repeat(Math.min(16, key.length - 4)) + key.slice(-4);
}
