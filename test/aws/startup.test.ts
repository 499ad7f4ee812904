// Start-up shortcuts of the AWS module: they must not change what scripts see.
import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { awsCmdlets } from '../../src/cmdlets/aws/index.js';
import { cmdletRows } from '../../src/cmdlets/aws/generated/cmdlets.js';
import { aliasTable } from '../../src/cmdlets/aws/generated/aliases.js';
import { registerServiceModelTypesSoon } from '../../src/cmdlets/aws/model/model-types.js';
import { requireSdk, loadSdk } from '../../src/cmdlets/aws/runtime/sdk-require.js';
import { typeByFullName } from '../../src/runtime/types/ps-type.js';

const decl = (name: string) => awsCmdlets.find((c) => c.name === name)!;

describe('AWS module start-up', () => {
  it('reads the generated tables from their compact text form', () => {
    for (const row of cmdletRows) expect(row).toHaveLength(6);
    const copy = cmdletRows.find((r) => r[0] === 'Copy-S3Object')!;
    expect(copy[3]).toContain('|'); // a default-output text with '|' stays one field
    expect(cmdletRows.find((r) => r[0] === 'Get-S3Bucket')).toEqual(['Get-S3Bucket', 'S3', 'ListBuckets', 'Buckets', '', 'g']);
    expect(aliasTable['EC2-AcceptAddressTransfer']).toBe('Approve-EC2AddressTransfer');
  });

  it('generated declarations compute their members on access and hand out a detached process function', () => {
    const d = decl('Remove-SQSQueue');
    expect(d.module).toBe('AWS.Tools.SQS');
    expect(d.supportsShouldProcess).toBe(true);
    expect(d.confirmImpact).toBe('High');
    expect(d.notes).toBe('This cmdlet calls the SQS operation DeleteQueue.');
    expect(d.synopsis).toBe('Calls the DeleteQueue operation.');
    expect(d.parameters).toBe(d.parameters); // parsed once
    expect(d.parameters.some((p) => p.name === 'QueueUrl')).toBe(true);
    const get = decl('Get-SQSQueue');
    expect(get.supportsShouldProcess).toBe(false);
    expect(get.confirmImpact).toBeUndefined();
    const { process } = get;
    expect(typeof process).toBe('function');
  });

  it('loads SDK packages with require (the same module objects Node caches)', async () => {
    const req = createRequire(import.meta.url);
    expect(requireSdk('@aws-sdk/client-sts')).toBe(req('@aws-sdk/client-sts'));
    expect(await loadSdk('@smithy/core/schema')).toBe(req('@smithy/core/schema'));
    await expect(loadSdk('@aws-sdk/no-such-package')).rejects.toThrow();
  });

  it('registers a service\'s model types during the first request, or at once when asked', async () => {
    const sns = requireSdk('@aws-sdk/client-sns');
    expect(typeByFullName('Amazon.SimpleNotificationService.Model.Topic')).toBeNull();
    const finish = registerServiceModelTypesSoon('SNS', sns);
    expect(typeByFullName('Amazon.SimpleNotificationService.Model.Topic')).toBeNull();
    finish();
    expect(typeByFullName('Amazon.SimpleNotificationService.Model.Topic')?.FullName).toBe('Amazon.SimpleNotificationService.Model.Topic');

    const sqs = requireSdk('@aws-sdk/client-sqs');
    registerServiceModelTypesSoon('SQS', sqs);
    await new Promise((r) => setImmediate(r));
    expect(typeByFullName('Amazon.SQS.Model.Message')?.FullName).toBe('Amazon.SQS.Model.Message');
  });
});
