// Per-shell AWS state: shell-default credentials and region (pwsh's $StoredAWSCredentials / $StoredAWSRegion),
// and the $AWSHistory buffer. Kept per SessionApi object so several shells in one process don't share it.
import type { CmdletContext, SessionApi } from '../../../runtime/cmdlet-api.js';
import type { AwsCredentialsValue } from './credentials-value.js';
import { HistoryBuffer } from './history.js';

export interface AwsSessionState {
  region: string | null;
  credentials: AwsCredentialsValue | null;
  /** Defaults given by the embedder (ShellOptions.aws): endpoint and client config for every client. */
  endpoint?: string;
  clientConfig?: Record<string, unknown>;
  history: HistoryBuffer;
}

const states = new WeakMap<object, AwsSessionState>();

export function awsState(session: SessionApi | object): AwsSessionState {
  let s = states.get(session);
  if (!s) {
    s = { region: null, credentials: null, history: new HistoryBuffer() };
    states.set(session, s);
  }
  return s;
}

/** For the embedding API: seed a shell's AWS defaults (ShellOptions.aws). */
export function setAwsShellDefaults(
  session: SessionApi | object,
  options: { region?: string; endpoint?: string; credentials?: unknown; clientConfig?: Record<string, unknown> },
): void {
  const s = awsState(session);
  if (options.region) s.region = options.region;
  if (options.endpoint) s.endpoint = options.endpoint;
  if (options.clientConfig) s.clientConfig = options.clientConfig;
  if (options.credentials) s.credentials = options.credentials as AwsCredentialsValue;
}

/** An environment variable as the script sees it (`$env:NAME`), falling back to the process environment. */
export function envVar(ctx: Pick<CmdletContext, 'getVariable'>, name: string): string | undefined {
  let v: unknown;
  try {
    v = ctx.getVariable(`env:${name}`);
  } catch {
    v = undefined;
  }
  if (v === null || v === undefined || v === '') return process.env[name] || undefined;
  return String(v);
}

/** Publish the session variables pwsh scripts read ($StoredAWSRegion, $StoredAWSCredentials, $AWSHistory). */
export function setGlobal(ctx: CmdletContext, name: string, value: unknown): void {
  try {
    ctx.session.setVariable(name, value, { scope: 'global' });
  } catch {
    ctx.setVariable(`global:${name}`, value);
  }
}
