// The hand-written S3, EC2 and STS cmdlets against moto, and the large-transfer guarantees.
import { describe, it, expect, beforeEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, publicEncrypt, constants, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fakeShell, runCmdlet } from './fake-context.js';
import { cmdlet, testKeys, useMoto, rawS3Client } from './helpers.js';
import { decryptWindowsPassword } from '../../src/cmdlets/aws/cmdlets/ec2-sts-hand-written.js';
import { getView, outString } from '../../src/runtime/format/index.js';
import { tag } from '../../src/cmdlets/aws/runtime/output.js';
import { getMember } from '../../src/runtime/types/index.js';
import { tempDir } from '../temp-dir.js';

const moto = useMoto();
let dir = '';
beforeEach(() => {
  dir = tempDir('awsh-s3-');
});

const k = { ...testKeys, Region: 'us-east-1' };
const TYPE = Symbol.for('awsh.typeName');
function cli(...args: string[]): any {
  const out = execFileSync('aws', ['--endpoint-url', moto.url, ...args, '--output', 'json'], {
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_DEFAULT_REGION: 'us-east-1' },
  }).toString();
  return out.trim() ? JSON.parse(out) : null;
}
async function run(name: string, params: Record<string, unknown>, sh = fakeShell(), signal?: AbortSignal) {
  const r = await runCmdlet(sh, cmdlet(name), { ...k, ...params }, signal);
  return r;
}
async function ok(name: string, params: Record<string, unknown>, sh = fakeShell()) {
  const r = await run(name, params, sh);
  expect(r.error?.Exception?.Message ?? null, name).toBeNull();
  return r.output as any[];
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('Write-S3Object / Read-S3Object / Copy-S3Object', () => {
  it('uploads a file (content type from the extension, canned ACL, metadata, tags) and reads it back as a FileInfo', async () => {
    await ok('New-S3Bucket', { BucketName: 'site' });
    const f = join(dir, 'index.html');
    fs.writeFileSync(f, '<html>hi</html>');
    const out = await ok('Write-S3Object', { BucketName: 'site', File: f, Key: 'index.html', CannedACLName: 'public-read', Metadata: { owner: 'me' }, TagSet: [{ Key: 't', Value: '1' }] });
    expect(out).toEqual([]);
    const head = cli('s3api', 'head-object', '--bucket', 'site', '--key', 'index.html');
    expect(head.ContentType).toBe('text/html');
    expect(head.Metadata).toEqual({ owner: 'me' });
    const acl = cli('s3api', 'get-object-acl', '--bucket', 'site', '--key', 'index.html');
    expect(acl.Grants.some((g: any) => g.Grantee.URI?.endsWith('AllUsers') && g.Permission === 'READ')).toBe(true);
    expect(cli('s3api', 'get-object-tagging', '--bucket', 'site', '--key', 'index.html').TagSet).toEqual([{ Key: 't', Value: '1' }]);
    const target = join(dir, 'down', 'copy.html');
    const read = await ok('Read-S3Object', { BucketName: 'site', Key: 'index.html', File: target });
    expect(fs.readFileSync(target, 'utf8')).toBe('<html>hi</html>');
    const info = read[0];
    expect(getMember(info, 'FullName')).toBe(target);
    expect(getMember(info, 'Length')).toBe(15n); // Int64, as .NET's FileInfo.Length
  });

  it('-Content (alias -Text), -Folder -KeyPrefix -Recurse -SearchPattern, and Read-S3Object -KeyPrefix -Folder', async () => {
    await ok('New-S3Bucket', { BucketName: 'docs' });
    await ok('Write-S3Object', { BucketName: 'docs', Key: 'note.txt', Content: 'line one\nline two' });
    expect(execFileSync('aws', ['--endpoint-url', moto.url, 's3', 'cp', 's3://docs/note.txt', '-'], { env: { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_DEFAULT_REGION: 'us-east-1' } }).toString()).toBe('line one\nline two');
    const src = join(dir, 'src');
    fs.mkdirSync(join(src, 'sub'), { recursive: true });
    fs.writeFileSync(join(src, 'a.txt'), 'A');
    fs.writeFileSync(join(src, 'b.log'), 'B');
    fs.writeFileSync(join(src, 'sub', 'c.txt'), 'C');
    await ok('Write-S3Object', { BucketName: 'docs', Folder: src, KeyPrefix: 'up', Recurse: true, SearchPattern: '*.txt' });
    const keys = cli('s3api', 'list-objects-v2', '--bucket', 'docs', '--prefix', 'up/').Contents.map((c: any) => c.Key);
    expect(keys.sort()).toEqual(['up/a.txt', 'up/sub/c.txt']);
    const dest = join(dir, 'dest');
    await ok('Read-S3Object', { BucketName: 'docs', KeyPrefix: 'up', Folder: dest });
    expect(fs.readFileSync(join(dest, 'sub', 'c.txt'), 'utf8')).toBe('C');
    expect(fs.readFileSync(join(dest, 'a.txt'), 'utf8')).toBe('A');
  });

  it('-Stream (bytes or text), -ContentType, -ServerSideEncryption, -StorageClass, -HeaderCollection', async () => {
    await ok('New-S3Bucket', { BucketName: 'streams' });
    await ok('Write-S3Object', { BucketName: 'streams', Key: 'bytes.bin', Stream: Buffer.from([1, 2, 3]), ContentType: 'application/x-test', ServerSideEncryption: 'AES256', StorageClass: 'STANDARD_IA' });
    const head = cli('s3api', 'head-object', '--bucket', 'streams', '--key', 'bytes.bin');
    expect([head.ContentLength, head.ContentType, head.ServerSideEncryption, head.StorageClass]).toEqual([3, 'application/x-test', 'AES256', 'STANDARD_IA']);
    await ok('Write-S3Object', { BucketName: 'streams', Key: 'lines.txt', Stream: ['a', 'b'], HeaderCollection: { 'Cache-Control': 'max-age=60' } });
    const h2 = cli('s3api', 'head-object', '--bucket', 'streams', '--key', 'lines.txt');
    expect([h2.ContentLength, h2.CacheControl]).toEqual([3, 'max-age=60']);
  });

  it('Copy-S3Object copies S3 to S3 (emitting the S3Object) and S3 to a local file', async () => {
    await ok('New-S3Bucket', { BucketName: 'one' });
    await ok('New-S3Bucket', { BucketName: 'two' });
    await ok('Write-S3Object', { BucketName: 'one', Key: 'k', Content: 'payload' });
    const copied = await ok('Copy-S3Object', { BucketName: 'one', Key: 'k', DestinationBucket: 'two', DestinationKey: 'k2' });
    expect(copied[0][TYPE]).toBe('Amazon.S3.Model.S3Object');
    expect(copied[0].Size).toBe(7);
    expect(cli('s3api', 'head-object', '--bucket', 'two', '--key', 'k2').ContentLength).toBe(7);
    const local = join(dir, 'k.txt');
    await ok('Copy-S3Object', { BucketName: 'two', Key: 'k2', LocalFile: local });
    expect(fs.readFileSync(local, 'utf8')).toBe('payload');
  });
});

describe('large transfers', () => {
  it('a 40 MB multipart upload round-trips byte for byte', async () => {
    await ok('New-S3Bucket', { BucketName: 'big' });
    const data = randomBytes(40 * 1024 * 1024);
    const f = join(dir, 'big.bin');
    fs.writeFileSync(f, data);
    await ok('Write-S3Object', { BucketName: 'big', File: f, Key: 'big.bin', PartSize: 8 * 1024 * 1024, ConcurrentServiceRequest: 4 });
    const head = cli('s3api', 'head-object', '--bucket', 'big', '--key', 'big.bin');
    expect(head.ContentLength).toBe(data.length);
    expect(head.ETag).toMatch(/-5"$/); // five parts
    const back = join(dir, 'back.bin');
    await ok('Read-S3Object', { BucketName: 'big', Key: 'big.bin', File: back });
    expect(sha(fs.readFileSync(back))).toBe(sha(data));
  }, 120_000);

  it('a download cancelled halfway leaves no file (and no temporary file)', async () => {
    await ok('New-S3Bucket', { BucketName: 'big2' });
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const raw = await rawS3Client(moto.url);
    await raw.send(new PutObjectCommand({ Bucket: 'big2', Key: 'obj', Body: randomBytes(40 * 1024 * 1024) }));
    let cancelled = 0;
    for (let attempt = 0; attempt < 3 && !cancelled; attempt++) {
      const out = join(dir, `cancel-${attempt}`);
      fs.mkdirSync(out);
      const target = join(out, 'obj.bin');
      const ac = new AbortController();
      // Abort as soon as the temporary file starts growing: the download is under way, not finished.
      const watcher = fs.watch(out, () => {
        for (const n of fs.readdirSync(out)) if (n.endsWith('.awsh-download')) ac.abort();
      });
      const r = await run('Read-S3Object', { BucketName: 'big2', Key: 'obj', File: target }, fakeShell(), ac.signal);
      watcher.close();
      const left = fs.readdirSync(out);
      if (r.error) {
        cancelled++;
        expect(r.error.FullyQualifiedErrorId).toMatch(/OperationCanceledException|AbortError|InvalidOperation/);
        expect(left).toEqual([]);
      } else expect(fs.statSync(target).size).toBe(40 * 1024 * 1024); // finished before the abort: whole file only
    }
    expect(cancelled).toBeGreaterThan(0);
  }, 120_000);
});

describe('Remove-S3Object, Test-S3Bucket, pre-signed URLs, multipart uploads', () => {
  it('removes by -Key, -KeyCollection and -InputObject from Get-S3Object (batched DeleteObjects)', async () => {
    await ok('New-S3Bucket', { BucketName: 'del' });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await ok('Write-S3Object', { BucketName: 'del', Key: key, Content: key });
    const sh = fakeShell();
    const single = await ok('Remove-S3Object', { BucketName: 'del', Key: 'a', Force: true }, sh);
    expect(single[0][TYPE]).toBe('Amazon.S3.Model.DeleteObjectResponse');
    await ok('Remove-S3Object', { BucketName: 'del', KeyCollection: ['b', 'c'], Force: true });
    const objects = await ok('Get-S3Object', { BucketName: 'del' });
    expect(objects.map((o) => o.Key)).toEqual(['d', 'e']);
    const batch = await ok('Remove-S3Object', { InputObject: objects, Force: true });
    expect(batch[0].DeletedObjects.map((d: any) => d.Key).sort()).toEqual(['d', 'e']);
    expect(cli('s3api', 'list-objects-v2', '--bucket', 'del')?.Contents ?? []).toEqual([]);
    // without -Force it asks (ShouldProcess) and honours a "no"
    await ok('Write-S3Object', { BucketName: 'del', Key: 'keep', Content: 'x' });
    const no = fakeShell();
    no.confirm = false;
    await ok('Remove-S3Object', { BucketName: 'del', Key: 'keep' }, no);
    expect(no.confirmations[0]).toEqual({ target: 'keep', action: 'Remove-S3Object (DeleteObject)' });
    expect(cli('s3api', 'list-objects-v2', '--bucket', 'del').Contents.map((c: any) => c.Key)).toEqual(['keep']);
  });

  it('Test-S3Bucket, Get-S3PreSignedURL', async () => {
    await ok('New-S3Bucket', { BucketName: 'exists' });
    expect(await ok('Test-S3Bucket', { BucketName: 'exists' })).toEqual([true]);
    expect(await ok('Test-S3Bucket', { BucketName: 'nope-nope' })).toEqual([false]);
    await ok('Write-S3Object', { BucketName: 'exists', Key: 'file.txt', Content: 'signed content' });
    const [signed] = await ok('Get-S3PreSignedURL', { BucketName: 'exists', Key: 'file.txt', Expire: new Date(Date.now() + 3600_000) });
    expect(signed).toMatch(/X-Amz-Signature=/);
    expect(await (await fetch(signed)).text()).toBe('signed content');
  });

  it('Get-S3MultipartUpload lists, Remove-S3MultipartUpload aborts uploads older than a date', async () => {
    await ok('New-S3Bucket', { BucketName: 'mpu' });
    const { CreateMultipartUploadCommand } = await import('@aws-sdk/client-s3');
    const raw = await rawS3Client(moto.url);
    await raw.send(new CreateMultipartUploadCommand({ Bucket: 'mpu', Key: 'part.bin' }));
    const uploads = await ok('Get-S3MultipartUpload', { BucketName: 'mpu' });
    expect(uploads.map((u) => u.Key)).toEqual(['part.bin']);
    expect(uploads[0][TYPE]).toBe('Amazon.S3.Model.MultipartUpload');
    await ok('Remove-S3MultipartUpload', { BucketName: 'mpu', InitiatedDate: new Date(Date.now() + 60_000), Force: true });
    expect(await ok('Get-S3MultipartUpload', { BucketName: 'mpu' })).toEqual([]);
  });
});

describe('EC2 and STS hand-written cmdlets', () => {
  it('Get-EC2ImageByName: logical names, -ShowFilters, newest image for a name', async () => {
    const names = await ok('Get-EC2ImageByName', {});
    expect(names.slice(0, 3)).toEqual(['WINDOWS_2016_BASE', 'WINDOWS_2016_NANO', 'WINDOWS_2016_CORE']); // the guide's order
    expect(names).toContain('VPC_NAT');
    expect(await ok('Get-EC2ImageByName', { Name: 'WINDOWS_2016_BASE', ShowFilters: true })).toEqual(['Windows_Server-2016-English-Full-Base-*']);
    const [img] = await ok('Get-EC2ImageByName', { Name: 'WINDOWS_2016_BASE' });
    expect(img.Name).toMatch(/^Windows_Server-2016-English-Full-Base-/);
    expect(img[TYPE]).toBe('Amazon.EC2.Model.Image');
  });

  it('Get-EC2PasswordData -Decrypt decrypts with the PEM key (PKCS#1 v1.5)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const enc = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from('S3cr3t!Pass')).toString('base64');
    expect(decryptWindowsPassword(enc, privateKey.export({ type: 'pkcs1', format: 'pem' }).toString())).toBe('S3cr3t!Pass');
  });

  it('Get-EC2InstanceMetadata reads IMDSv2 (token, then the category path), -ListCategory lists categories', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url === '/latest/api/token') return res.end('tok');
      if (req.url === '/latest/meta-data/instance-id' && req.headers['x-aws-ec2-metadata-token'] === 'tok') return res.end('i-0abc');
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const sh = fakeShell({ AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${(server.address() as any).port}` });
      const r = await runCmdlet(sh, cmdlet('Get-EC2InstanceMetadata'), { Category: ['InstanceId'] });
      expect(r.output).toEqual(['i-0abc']);
      expect(seen).toEqual(['PUT /latest/api/token', 'GET /latest/meta-data/instance-id']);
      expect((await runCmdlet(sh, cmdlet('Get-EC2InstanceMetadata'), { ListCategory: true })).output).toContain('AmiId');
    } finally {
      server.close();
    }
  });

  it('Use-STSRole and Use-STSWebIdentityRole credentials work with -Credential', async () => {
    const [assumed] = await ok('Use-STSRole', { RoleArn: 'arn:aws:iam::123456789012:role/admin', RoleSessionName: 's1' });
    const sh = fakeShell();
    const who = await runCmdlet(sh, cmdlet('Get-STSCallerIdentity'), { Credential: assumed.Credentials, Region: 'us-east-1' });
    expect(who.error).toBeNull();
    expect((who.output[0] as any).Arn).toMatch(/assumed-role\/admin\/s1/);
    const [web] = await ok('Use-STSWebIdentityRole', { RoleArn: 'arn:aws:iam::123456789012:role/web', RoleSessionName: 'w1', WebIdentityToken: 'token' });
    expect(web.Credentials.SessionToken).toBeTruthy();
    const who2 = await runCmdlet(sh, cmdlet('Get-STSCallerIdentity'), { Credential: web, Region: 'us-east-1' });
    expect((who2.output[0] as any).Arn).toMatch(/web\/w1/);
  });
});

describe('views and output types', () => {
  it('registers default views; an S3Bucket formats as CreationDate BucketName', () => {
    expect(getView('Amazon.S3.Model.S3Bucket')!.table!.columns.map((c) => c.label)).toEqual(['CreationDate', 'BucketName']);
    expect(getView('Amazon.EC2.Model.Instance')!.table!.columns.map((c) => c.label).slice(0, 3)).toEqual(['InstanceId', 'InstanceType', 'State']);
    for (const t of ['Amazon.S3.Model.S3Object', 'Amazon.EC2.Model.Reservation', 'Amazon.EC2.Model.SecurityGroup', 'Amazon.EC2.Model.KeyPair', 'Amazon.SQS.Model.Message', 'Amazon.Powershell.Common.AWSRegion']) expect(getView(t), t).toBeTruthy();
    const text = String(outString([tag({ BucketName: 'b1', CreationDate: new Date(2020, 0, 2, 3, 4, 5) }, 'Amazon.S3.Model.S3Bucket')], 120));
    expect(text.split('\n').find((l) => l.trim())!.trim().split(/\s+/)).toEqual(['CreationDate', 'BucketName']);
  });
});
