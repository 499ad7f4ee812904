import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fakeShell, runCmdlet } from './fake-context.js';
import { cmdlet, testKeys, useMoto, rawS3Client } from './helpers.js';
import { awsState } from '../../src/cmdlets/aws/runtime/session-state.js';

const moto = useMoto();

const k = { ...testKeys, Region: 'us-east-1' };

describe('S3 cmdlets against moto', () => {
  it('New-S3Bucket creates a bucket the aws CLI sees, Get-S3Bucket lists it with .NET type names', async () => {
    const sh = fakeShell();
    const made = await runCmdlet(sh, cmdlet('New-S3Bucket'), { BucketName: 'awsh-one', ...k });
    expect(made.error).toBeNull();
    expect((made.output[0] as any).BucketName).toBe('awsh-one');
    expect((made.output[0] as any)[Symbol.for('awsh.typeName')]).toBe('Amazon.S3.Model.S3Bucket');
    const cli = execFileSync('aws', ['--endpoint-url', moto.url, 's3api', 'list-buckets', '--output', 'json'], {
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_DEFAULT_REGION: 'us-east-1' },
    }).toString();
    expect(JSON.parse(cli).Buckets.map((b: any) => b.Name)).toContain('awsh-one');
    const list = await runCmdlet(sh, cmdlet('Get-S3Bucket'), k);
    expect(list.error).toBeNull();
    expect(list.output.map((b: any) => b.BucketName ?? b.Name)).toEqual(['awsh-one']);
    expect((list.output[0] as any)[Symbol.for('awsh.typeName')]).toBe('Amazon.S3.Model.S3Bucket');
  });

  it('New-S3Bucket -Region sets the location constraint; Get-S3BucketLocation reads it', async () => {
    const sh = fakeShell();
    await runCmdlet(sh, cmdlet('New-S3Bucket'), { BucketName: 'awsh-west', ...testKeys, Region: 'us-west-2' });
    const loc = await runCmdlet(sh, cmdlet('Get-S3BucketLocation'), { BucketName: 'awsh-west', ...k });
    expect(loc.error).toBeNull();
    expect((loc.output[0] as any).Value).toBe('us-west-2');
  });

  it('Get-S3Object auto-iterates all pages; -MaxKey makes one call and NextMarker is filled', async () => {
    const sh = fakeShell();
    await runCmdlet(sh, cmdlet('New-S3Bucket'), { BucketName: 'pages', ...k });
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const c = await rawS3Client(moto.url);
    for (let i = 0; i < 25; i++) await c.send(new PutObjectCommand({ Bucket: 'pages', Key: `k${String(i).padStart(2, '0')}`, Body: 'x' }));
    await runCmdlet(sh, cmdlet('Set-AWSHistoryConfiguration'), { MaxServiceCallHistory: 50 });
    // moto pages ListObjects at 1000; use the V2 paginator with a small page via -Select * to prove page streaming
    const all = await runCmdlet(sh, cmdlet('Get-S3Object'), { BucketName: 'pages', ...k });
    expect(all.error).toBeNull();
    expect(all.output).toHaveLength(25);
    expect((all.output[0] as any).BucketName).toBe('pages');
    expect((all.output[0] as any)[Symbol.for('awsh.typeName')]).toBe('Amazon.S3.Model.S3Object');
    const one = await runCmdlet(sh, cmdlet('Get-S3Object'), { BucketName: 'pages', MaxKey: 10, ...k });
    expect(one.output).toHaveLength(10);
    const h = awsState(sh.session).history;
    expect(h.LastCommand!.EmittedObjectsCount).toBe(10);
    expect((h.LastServiceResponse as any).NextMarker).toBeTruthy();
    const next = await runCmdlet(sh, cmdlet('Get-S3Object'), { BucketName: 'pages', MaxKey: 10, Marker: (h.LastServiceResponse as any).NextMarker, ...k });
    expect((next.output[0] as any).Key).toBe('k10');
    expect(sh.vars.get('awshistory')).toBe(h);
  });

  it('Get-S3ObjectV2 pages with the SDK paginator and records every page', async () => {
    const sh = fakeShell();
    await runCmdlet(sh, cmdlet('New-S3Bucket'), { BucketName: 'v2-bucket', ...k });
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const c = await rawS3Client(moto.url);
    for (let i = 0; i < 5; i++) await c.send(new PutObjectCommand({ Bucket: 'v2-bucket', Key: `o${i}`, Body: 'x' }));
    const r = await runCmdlet(sh, cmdlet('Get-S3ObjectV2'), { BucketName: 'v2-bucket', ...k });
    expect(r.output.map((o: any) => o.Key)).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    const whole = await runCmdlet(sh, cmdlet('Get-S3ObjectV2'), { BucketName: 'v2-bucket', Select: '*', MaxKey: 2, ...k });
    expect(whole.output).toHaveLength(1);
    expect((whole.output[0] as any).KeyCount).toBe(2);
    const keys = await runCmdlet(sh, cmdlet('Get-S3ObjectV2'), { BucketName: 'v2-bucket', Select: 'S3Objects.Key', ...k });
    expect(keys.output).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    const echo = await runCmdlet(sh, cmdlet('Get-S3ObjectV2'), { BucketName: 'v2-bucket', Select: '^Bucket', ...k });
    expect(echo.output).toEqual(['v2-bucket']);
    const bad = await runCmdlet(sh, cmdlet('Get-S3ObjectV2'), { BucketName: 'v2-bucket', Select: 'Nope', ...k });
    expect(bad.error!.Exception.Message).toBe('Invalid value for -Select parameter.');
  });

  it('Remove-S3Bucket confirms with the AWS Tools action text, -Force skips it; service errors carry ErrorCode', async () => {
    const sh = fakeShell();
    await runCmdlet(sh, cmdlet('New-S3Bucket'), { BucketName: 'gone', ...k });
    sh.confirm = false;
    sh.confirmations.length = 0;
    await runCmdlet(sh, cmdlet('Remove-S3Bucket'), { BucketName: 'gone', ...k });
    expect(sh.confirmations[0]).toEqual({ target: 'gone', action: 'Remove-S3Bucket (DeleteBucket)' });
    expect((await runCmdlet(sh, cmdlet('Get-S3Bucket'), k)).output).toHaveLength(1);
    await runCmdlet(sh, cmdlet('Remove-S3Bucket'), { BucketName: 'gone', Force: true, ...k });
    expect((await runCmdlet(sh, cmdlet('Get-S3Bucket'), k)).output).toHaveLength(0);
    const err = await runCmdlet(sh, cmdlet('Get-S3Object'), { BucketName: 'gone', ...k });
    expect(err.error!.FullyQualifiedErrorId).toBe('Amazon.S3.AmazonS3Exception,Amazon.PowerShell.Cmdlets.S3.GetS3ObjectCmdlet');
    expect(err.error!.Exception.ErrorCode).toBe('NoSuchBucket');
    expect(err.error!.Exception.StatusCode).toBe('NotFound');
    expect(err.error!.CategoryInfo.Category).toBe('InvalidResult');
  });

  it('Remove-S3Bucket -DeleteBucketContent empties the bucket first', async () => {
    const sh = fakeShell();
    await runCmdlet(sh, cmdlet('New-S3Bucket'), { BucketName: 'full', ...k });
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const c = await rawS3Client(moto.url);
    await c.send(new PutObjectCommand({ Bucket: 'full', Key: 'a', Body: 'x' }));
    const r = await runCmdlet(sh, cmdlet('Remove-S3Bucket'), { BucketName: 'full', DeleteBucketContent: true, Force: true, ...k });
    expect(r.error).toBeNull();
    expect((await runCmdlet(sh, cmdlet('Get-S3Bucket'), k)).output).toHaveLength(0);
  });

  it('a network failure is a clear error, not a crash', async () => {
    const sh = fakeShell();
    const r = await runCmdlet(sh, cmdlet('Get-S3Bucket'), { ...k, EndpointUrl: 'http://127.0.0.1:9' , ClientConfig: { key: '{"maxAttempts":1}', maxAttempts: 1 } });
    expect(r.error!.FullyQualifiedErrorId).toBe('System.Net.Http.HttpRequestException,Amazon.PowerShell.Cmdlets.S3.GetS3BucketCmdlet');
    expect(r.error!.Exception.Message).toMatch(/Unable to connect/);
  });
});

describe('S3 response shaping', () => {
  it('fills NextMarker with the last key of a truncated V1 listing that has none, like the .NET SDK', async () => {
    const { shapeResponse } = await import('../../src/cmdlets/aws/runtime/output.js');
    const r = shapeResponse('S3', 'ListObjects', { IsTruncated: true, Contents: [{ Key: 'a' }, { Key: 'b' }], $metadata: { httpStatusCode: 200, requestId: 'r1' } }, { Bucket: 'bk' });
    expect(r.NextMarker).toBe('b');
    expect(r.S3Objects[1].BucketName).toBe('bk');
    expect(r.ResponseMetadata.RequestId).toBe('r1');
    expect(r[Symbol.for('awsh.typeName') as any]).toBe('Amazon.S3.Model.ListObjectsResponse');
  });
});
