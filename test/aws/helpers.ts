// Shared test setup: a temp HOME with its own shared files (never the real ~/.aws), and moto.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsCmdlets } from '../../src/cmdlets/aws/index.js';
import { clearClientCache } from '../../src/cmdlets/aws/runtime/client-factory.js';
import type { CmdletDecl } from '../../src/runtime/cmdlet-api.js';
import { beforeAll, beforeEach } from 'vitest';
import { createShell } from '../../src/index.js';
import { motoEndpoint, resetMoto } from './moto.js';
import { tempDir } from '../temp-dir.js';

export function isolateHome(): { home: string; credentials: string; config: string } {
  const home = tempDir('awsh-aws-');
  const credentials = join(home, '.aws', 'credentials');
  const config = join(home, '.aws', 'config');
  process.env.HOME = home;
  process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
  process.env.AWS_CONFIG_FILE = config;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_DEFAULT_PROFILE']) delete process.env[k];
  clearClientCache();
  return { home, credentials, config };
}

export function writeFile(path: string, text: string): void {
  const { mkdirSync } = require('node:fs') as typeof import('node:fs');
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

export function cmdlet(name: string): CmdletDecl {
  const d = awsCmdlets.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (!d) throw new Error(`no cmdlet ${name}`);
  return d;
}

/** Literal test keys moto accepts. */
export const testKeys = { AccessKey: 'AKIAIOSFODNN7EXAMPLE', SecretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/**
 * The setup every moto-backed test file needs: the shared moto endpoint in AWS_ENDPOINT_URL, and before each test a
 * reset moto and a private HOME with its own profile files (read `files` inside a test).
 */
export function useMoto(): { readonly url: string; readonly files: ReturnType<typeof isolateHome> } {
  const state = { url: '', files: null as unknown as ReturnType<typeof isolateHome> };
  beforeAll(async () => {
    state.url = await motoEndpoint();
    process.env.AWS_ENDPOINT_URL = state.url;
  });
  beforeEach(async () => {
    state.files = isolateHome();
    await resetMoto(state.url);
  });
  return state;
}

/** A plain SDK S3 client on the moto endpoint, for checking what awsh wrote. */
export async function rawS3Client(url: string) {
  const { S3Client } = await import('@aws-sdk/client-s3');
  return new S3Client({ region: 'us-east-1', endpoint: url, forcePathStyle: true, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
}

/** Dummy keys in the environment before each test (moto accepts any). */
export function useTestingKeys(): void {
  beforeEach(() => {
    process.env.AWS_ACCESS_KEY_ID = 'testing';
    process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  });
}

/** Runs a script in a fresh shell: its output objects, and the messages of the errors it reported. */
export async function runScript(script: string): Promise<{ output: any[]; errors: string[] }> {
  const errors: string[] = [];
  const shell = createShell({ host: { error: (r: any) => void errors.push(r?.Exception?.Message ?? String(r)) } } as any);
  const r = await shell.execute(script);
  if (r.terminatingError) errors.push((r.terminatingError as any).Exception?.Message);
  return { output: r.output as any[], errors };
}
