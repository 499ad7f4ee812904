// The generated enum tables (scripts/gen-aws-tables.mjs): which parameters take an SDK enum, and the values
// tab completion offers for it; plus AWS Tools' ConstantClass types built from the same SDK enums.
import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { operationEntry } from '../../src/cmdlets/aws/runtime/params-store.js';
import { enumValues } from '../../src/cmdlets/aws/runtime/enum-store.js';
import { enumsJsonLoaders } from '../../src/cmdlets/aws/generated/enums-index.js';
import { paramsJsonByService } from '../../src/cmdlets/aws/generated/params-index.js';
import { serviceInfo } from '../../src/cmdlets/aws/generated/cmdlets.js';
import { awsCmdlets } from '../../src/cmdlets/aws/index.js';
import { createShell } from '../../src/index.js';
import { resolveAwsType } from '../../src/cmdlets/aws/model/model-types.js';
import { getStaticMember } from '../../src/runtime/types/statics.js';

const req = createRequire(import.meta.url);
const enumOf = (prefix: string, op: string, param: string) => operationEntry(prefix, op)!.p.find((p) => p.name === param)?.e;

describe('generated enum mapping', () => {
  it('names the enum of top-level and flattened members (EC2)', async () => {
    expect(enumOf('EC2', 'RunInstances', 'InstanceType')).toBe('InstanceType');
    expect(enumOf('EC2', 'RunInstances', 'Placement_Tenancy')).toBe('Tenancy');
    expect(enumOf('EC2', 'RunInstances', 'InstanceInitiatedShutdownBehavior')).toBe('ShutdownBehavior');
    expect(enumOf('EC2', 'CreateVolume', 'VolumeType')).toBe('VolumeType');
    expect(enumOf('EC2', 'RunInstances', 'ImageId')).toBeUndefined();
    expect(await enumValues('EC2', 'VolumeType')).toEqual(['gp2', 'gp3', 'io1', 'io2', 'sc1', 'st1', 'standard']);
    expect(await enumValues('EC2', 'InstanceType')).toContain('t2.micro');
  });

  it('names the enum of S3, CloudWatch, SQS and IAM members, lists of enums included', async () => {
    expect(enumOf('S3', 'PutObject', 'ACL')).toBe('ObjectCannedACL');
    expect(enumOf('S3', 'PutBucketAcl', 'ACL')).toBe('BucketCannedACL');
    expect(enumOf('S3', 'PutObject', 'StorageClass')).toBe('StorageClass');
    expect(enumOf('CW', 'PutMetricAlarm', 'Statistic')).toBe('Statistic');
    expect(enumOf('CW', 'PutMetricAlarm', 'Unit')).toBe('StandardUnit');
    expect(enumOf('CW', 'PutMetricAlarm', 'ComparisonOperator')).toBe('ComparisonOperator');
    expect(enumOf('SQS', 'GetQueueAttributes', 'AttributeName')).toBe('QueueAttributeName');
    expect(enumOf('IAM', 'GetAccountAuthorizationDetails', 'Filter')).toBe('EntityType');
    expect(await enumValues('S3', 'ObjectCannedACL')).toContain('public-read-write');
    expect(await enumValues('CW', 'StandardUnit')).toContain('Bytes/Second');
    expect(await enumValues('IAM', 'EntityType')).toEqual(['AWSManagedPolicy', 'Group', 'LocalManagedPolicy', 'Role', 'User']);
    expect(await enumValues('EC2', 'NoSuchEnum')).toEqual([]);
  });

  it('holds exactly the enums the parameters name, each with the values of the SDK enum', async () => {
    for (const [prefix, json] of Object.entries(paramsJsonByService)) {
      const named = new Set<string>();
      for (const entry of Object.values(JSON.parse(json) as Record<string, { p: { e?: string }[] }>)) for (const p of entry.p) if (p.e) named.add(p.e);
      const table = JSON.parse(await enumsJsonLoaders[prefix]!()) as Record<string, string[]>;
      expect(new Set(Object.keys(table)), prefix).toEqual(named);
      const sdk = req(serviceInfo[prefix]!.pkg) as Record<string, Record<string, string>>;
      for (const [name, values] of Object.entries(table)) {
        const sdkEnum = sdk[name] ?? sdk[`_${name}`];
        expect([...values].sort(), `${prefix} ${name}`).toEqual(Object.values(sdkEnum!).sort());
      }
    }
  });

  it('gives hand-written parameters that take an enum its values', async () => {
    const param = (cmdlet: string, name: string) => awsCmdlets.find((c) => c.name === cmdlet)!.parameters.find((p) => p.name === name)!;
    for (const [cmdlet, name, value] of [['Copy-S3Object', 'StorageClass', 'GLACIER_IR'], ['Get-S3PreSignedURL', 'ServerSideEncryptionMethod', 'aws:kms']]) {
      const completions = param(cmdlet!, name!).argumentCompletions as () => Promise<string[]>;
      expect(await completions(), `${cmdlet} -${name}`).toContain(value);
    }
  });
});

describe('ConstantClass types', () => {
  it('are defined with the module, exposing enum values as static members case-insensitively', async () => {
    const shell = createShell();
    await shell.invoke('Import-Module AWS.Tools.EC2, AWS.Tools.S3, AWS.Tools.CloudWatch');
    expect(await shell.invoke('[Amazon.EC2.InstanceType]::T2Micro')).toEqual(['t2.micro']);
    expect(await shell.invoke('[amazon.ec2.volumetype]::gp3')).toEqual(['gp3']);
    expect(await shell.invoke('[Amazon.S3.S3CannedACL]::PublicReadWrite; [Amazon.S3.ObjectCannedACL]::Private')).toEqual(['public-read-write', 'private']);
    expect(await shell.invoke('[Amazon.CloudWatch.StandardUnit]::BytesSecond')).toEqual(['Bytes/Second']);
    expect(await shell.invoke("[Amazon.EC2.InstanceType]::FindValue('x9.huge'); [Amazon.EC2.InstanceType]'t3.nano'")).toEqual(['x9.huge', 't3.nano']);
    expect(await shell.invoke('[Amazon.EC2.InstanceType].FullName')).toEqual(['Amazon.EC2.InstanceType']);
  });

  it('resolve by name (the resolver the types layer may call), and names that are no SDK enum stay unknown', () => {
    expect(resolveAwsType('amazon.sqs.queueattributename')!.FullName).toBe('Amazon.SQS.QueueAttributeName');
    expect(getStaticMember(resolveAwsType('Amazon.SQS.QueueAttributeName')!, 'ApproximateNumberOfMessages')).toBe('ApproximateNumberOfMessages');
    expect(resolveAwsType('Amazon.S3.ServerSideEncryptionMethod')!.FullName).toBe('Amazon.S3.ServerSideEncryptionMethod');
    expect(resolveAwsType('Amazon.EC2.NoSuchEnum')).toBeNull();
    expect(resolveAwsType('Amazon.EC2.EC2Client')).toBeNull();
  });
});
