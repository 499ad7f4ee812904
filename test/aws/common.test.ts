import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { build } from 'esbuild';
import { fakeShell, runCmdlet } from './fake-context.js';
import { cmdlet, testKeys, useMoto } from './helpers.js';
import { awsState } from '../../src/cmdlets/aws/runtime/session-state.js';
import { IniDocument, updateIniFile } from '../../src/cmdlets/aws/runtime/ini-file.js';
import { resolveCredentials } from '../../src/cmdlets/aws/runtime/credentials.js';
import { awsCmdlets, awsAliases } from '../../src/cmdlets/aws/index.js';
import { loadedServiceModules } from '../../src/cmdlets/aws/runtime/client-factory.js';

const moto = useMoto();
const put = (p: string, t: string) => (mkdirSync(dirname(p), { recursive: true }), writeFileSync(p, t));

describe('module surface', () => {
  it('declares every generated cmdlet and the aliases without loading any SDK', () => {
    expect(loadedServiceModules()).toEqual([]);
    expect(awsCmdlets.length).toBeGreaterThan(1200);
    expect(awsAliases['Set-AWSCredentials']).toBe('Set-AWSCredential');
    expect(awsAliases['Get-S3Content'] ?? awsAliases['List-S3Objects']).toBeDefined();
    const p = cmdlet('Get-EC2Instance').parameters.find((x) => x.name === 'InstanceId')!;
    expect(p.aliases).toContain('InstanceIds');
    const region = cmdlet('Get-S3Object').parameters.find((x) => x.name === 'Region')!;
    expect(region.aliases).toEqual(['RegionToCall']);
    const b = cmdlet('Get-S3Object').parameters.find((x) => x.name === 'BucketName')!;
    expect(b).toMatchObject({ mandatory: true, valueFromPipeline: true, position: 0 });
    expect(cmdlet('Remove-S3Bucket').confirmImpact).toBe('High');
  });
});

describe('credentials search order', () => {
  it('literal keys, then -ProfileName (not found is an error), then -Credential, shell, env, default profile', async () => {
    put(moto.files.credentials, '[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s1\n[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = s2\n');
    const sh = fakeShell();
    const ctx = { session: sh.session, getVariable: (n: string) => (n.startsWith('env:') ? sh.env[n.slice(4)] ?? process.env[n.slice(4)] ?? null : null), resolvePath: (p: string) => p, host: {} } as any;
    expect((await resolveCredentials(ctx, { AccessKey: 'AKIALIT', SecretKey: 'x', ProfileName: 'other' })).source).toBe('keys');
    const prof = await resolveCredentials(ctx, { ProfileName: 'other' });
    expect((await prof.provider()).accessKeyId).toBe('AKIAOTHER');
    await expect(resolveCredentials(ctx, { ProfileName: 'missing' })).rejects.toThrow(/Profile 'missing' was not found/);
    const cred = await runCmdlet(sh, cmdlet('New-AWSCredential'), { AccessKey: 'AKIAOBJ', SecretKey: 'z' });
    expect((await (await resolveCredentials(ctx, { Credential: cred.output[0] })).provider()).accessKeyId).toBe('AKIAOBJ');
    expect(JSON.stringify(cred.output[0])).not.toContain('z"');
    expect((await resolveCredentials(ctx, {})).source).toBe('default-profile');
    sh.env.AWS_ACCESS_KEY_ID = 'AKIAENV';
    sh.env.AWS_SECRET_ACCESS_KEY = 'e';
    expect((await resolveCredentials(ctx, {})).source).toBe('environment');
    await runCmdlet(sh, cmdlet('Set-AWSCredential'), { ProfileName: 'other' });
    const s = await resolveCredentials(ctx, {});
    expect(s.source).toBe('session');
    expect((await s.provider()).accessKeyId).toBe('AKIAOTHER');
    await runCmdlet(sh, cmdlet('Clear-AWSCredential'));
    expect((await resolveCredentials(ctx, {})).source).toBe('environment');
  });

  it('a role profile assumes the role through STS (moto)', async () => {
    put(moto.files.credentials, '[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = abc\n');
    put(moto.files.config, '[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r1\nsource_profile = base\nregion = us-east-1\n');
    const sh = fakeShell();
    const r = await runCmdlet(sh, cmdlet('Get-STSCallerIdentity'), { ProfileName: 'role' });
    expect(r.error).toBeNull();
    expect((r.output[0] as any).Arn).toMatch(/assumed-role\/r1/);
  });
});

describe('profile files', () => {
  it('Set-AWSCredential -StoreAs keeps other profiles and comments, writes 0600; Get/Remove work', async () => {
    put(moto.files.credentials, '# my comment\n[keep]\naws_access_key_id = AKIAKEEP\naws_secret_access_key = k\n');
    const sh = fakeShell();
    await runCmdlet(sh, cmdlet('Set-AWSCredential'), { AccessKey: 'AKIANEW1', SecretKey: 'n', StoreAs: 'new' });
    const text = readFileSync(moto.files.credentials, 'utf8');
    expect(text).toContain('# my comment');
    expect(text).toContain('[keep]');
    expect(text).toContain('aws_access_key_id = AKIANEW1');
    expect(statSync(moto.files.credentials).mode & 0o777).toBe(0o600);
    const list = await runCmdlet(sh, cmdlet('Get-AWSCredential'), { ListProfileDetail: true });
    expect(list.output.map((o: any) => o.members.get('profilename').value)).toEqual(['keep', 'new']);
    await runCmdlet(sh, cmdlet('Remove-AWSCredentialProfile'), { ProfileName: 'keep', Force: true });
    expect(readFileSync(moto.files.credentials, 'utf8')).not.toContain('[keep]');
  });

  it('a malformed file names the file and line', () => {
    expect(() => IniDocument.parse('[a]\nx = 1\nthis is bad\n', '/tmp/f')).toThrow(/'\/tmp\/f' is malformed at line 3/);
  });

  it('concurrent writers in parallel processes lose no profiles', async () => {
    const bundle = join(moto.files.home, 'ini.mjs');
    await build({ entryPoints: ['src/cmdlets/aws/runtime/ini-file.ts'], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    const n = 8;
    const script = (i: number) => `import { updateIniFile } from ${JSON.stringify(bundle)}; for (let j = 0; j < 5; j++) await updateIniFile(${JSON.stringify(moto.files.credentials)}, (d) => d.setValues('p${i}_' + j, { aws_access_key_id: 'AKIA${i}' + j }));`;
    await Promise.all(
      Array.from({ length: n }, (_, i) => new Promise<void>((res, rej) => {
        const p = spawn(process.execPath, ['--input-type=module', '-e', script(i)], { stdio: 'inherit' });
        p.on('exit', (c) => (c === 0 ? res() : rej(new Error('writer failed'))));
      })),
    );
    const doc = IniDocument.parse(readFileSync(moto.files.credentials, 'utf8'), moto.files.credentials);
    expect(doc.sections()).toHaveLength(n * 5);
    void updateIniFile;
  }, 60_000);
});

describe('regions', () => {
  it('Set/Get/Clear-DefaultAWSRegion and Get-AWSRegion with display names', async () => {
    const sh = fakeShell();
    await runCmdlet(sh, cmdlet('Set-DefaultAWSRegion'), { Region: 'us-west-2' });
    const d = await runCmdlet(sh, cmdlet('Get-DefaultAWSRegion'));
    expect(d.output[0]).toMatchObject({ Region: 'us-west-2', Name: 'US West (Oregon)', IsShellDefault: true });
    const all = await runCmdlet(sh, cmdlet('Get-AWSRegion'));
    expect(all.output.find((r: any) => r.IsShellDefault)).toMatchObject({ Region: 'us-west-2' });
    expect(all.output.some((r: any) => r.Region.startsWith('cn-'))).toBe(false);
    expect((await runCmdlet(sh, cmdlet('Get-AWSRegion'), { IncludeChina: true })).output.some((r: any) => r.Region === 'cn-north-1')).toBe(true);
    await runCmdlet(sh, cmdlet('Clear-DefaultAWSRegion'));
    expect((await runCmdlet(sh, cmdlet('Get-DefaultAWSRegion'))).output).toEqual([]);
  });

  it('no region at all is an error telling how to set one (S3 falls back to us-east-1)', async () => {
    const sh = fakeShell();
    const r = await runCmdlet(sh, cmdlet('Get-STSCallerIdentity'), { ...testKeys });
    expect(r.error!.Exception.Message).toMatch(/No region specified.*Set-DefaultAWSRegion/);
    expect((await runCmdlet(sh, cmdlet('Get-S3Bucket'), { ...testKeys })).error).toBeNull();
  });
});

describe('$AWSHistory and sensitive data', () => {
  it('records responses with sensitive members blanked unless -IncludeSensitiveData; bounds hold', async () => {
    const sh = fakeShell();
    const k = { ...testKeys, Region: 'us-east-1' };
    expect(sh.vars.get('awshistory')).toBeUndefined();
    const tok = await runCmdlet(sh, cmdlet('Get-STSSessionToken'), k);
    expect(tok.error).toBeNull();
    expect((tok.output[0] as any).SecretAccessKey).toBeTruthy();
    const h = awsState(sh.session).history;
    expect(sh.vars.get('awshistory')).toBe(h);
    expect((h.LastServiceResponse as any).Credentials.SecretAccessKey).toBeNull();
    expect((h.LastServiceResponse as any).Credentials.AccessKeyId).toBeTruthy();
    await runCmdlet(sh, cmdlet('Set-AWSHistoryConfiguration'), { IncludeSensitiveData: true });
    await runCmdlet(sh, cmdlet('Get-STSSessionToken'), k);
    expect((h.LastServiceResponse as any).Credentials.SecretAccessKey).toBeTruthy();
    await runCmdlet(sh, cmdlet('Set-AWSHistoryConfiguration'), { MaxCmdletHistory: 2 });
    expect(h.settings.includeSensitiveData).toBe(false);
    for (let i = 0; i < 4; i++) await runCmdlet(sh, cmdlet('Get-STSCallerIdentity'), k);
    expect(h.Commands).toHaveLength(2);
    expect(String(h)).toBe('2 command(s) recorded, last = Get-STSCallerIdentity');
    await runCmdlet(sh, cmdlet('Clear-AWSHistory'));
    expect(h.Commands).toHaveLength(0);
    await runCmdlet(sh, cmdlet('Set-AWSHistoryConfiguration'), { MaxCmdletHistory: 0 });
    expect(String(h)).toBe('AWS History Disabled');
  });
});

describe('discovery', () => {
  it('Get-AWSCmdletName, Get-AWSService, Get-AWSPowerShellVersion', async () => {
    const sh = fakeShell();
    const r = await runCmdlet(sh, cmdlet('Get-AWSCmdletName'), { ApiOperation: 'ListBuckets' });
    expect((r.output[0] as any).members.get('cmdletname').value).toBe('Get-S3Bucket');
    const cli = await runCmdlet(sh, cmdlet('Get-AWSCmdletName'), { AwsCliCommand: 'aws ec2 authorize-security-group-ingress' });
    expect((cli.output[0] as any).members.get('cmdletname').value).toBe('Grant-EC2SecurityGroupIngress');
    const svc = await runCmdlet(sh, cmdlet('Get-AWSService'), { Service: 'compute' });
    expect((svc.output[0] as any).members.get('cmdletnounprefix').value).toBe('EC2');
    expect((await runCmdlet(sh, cmdlet('Get-AWSPowerShellVersion'))).output[0]).toMatch(/AWS Tools for PowerShell/);
  });
});
