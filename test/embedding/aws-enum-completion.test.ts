// Tab completion of AWS enum values (issue 6): the values of the SDK enum a parameter takes, offered after it
// like AWS Tools' ConstantClass completers, through the public shell.complete.
import { describe, expect, it } from 'vitest';
import { createShell } from '../../src/index.js';

const shell = createShell();
const c = async (line: string) => (await shell.complete(line, line.length)).matches;

describe('AWS enum value completion', () => {
  it('completes an enum value from a prefix, case-insensitively', async () => {
    expect(await c('New-EC2Instance -InstanceType t2.mi')).toEqual(['t2.micro']);
    expect(await c('New-EC2Instance -InstanceType T2.MI')).toEqual(['t2.micro']);
    expect(await c('New-EC2Volume -VolumeType gp')).toEqual(['gp2', 'gp3']);
  });

  it('lists every value after the parameter on an empty word', async () => {
    const all = await c('New-EC2Instance -InstanceType ');
    expect(all.length).toBeGreaterThan(500);
    expect(all).toContain('t2.micro');
    expect(all).toContain('m5.large');
    expect(await c('New-EC2Volume -VolumeType ')).toEqual(['gp2', 'gp3', 'io1', 'io2', 'sc1', 'st1', 'standard']);
  });

  it('completes values of flattened members, aliases and unique parameter prefixes', async () => {
    expect(await c('New-EC2Instance -Placement_Tenancy ded')).toEqual(['dedicated']);
    expect(await c('New-EC2Instance -MetadataOptions_HttpTokens ')).toEqual(['optional', 'required']);
    expect(await c('New-EC2Instance -InstanceInitiated s')).toEqual(['stop']);
  });

  it('covers several services', async () => {
    expect(await c('Write-S3Object -CannedACLName pub')).toEqual(['public-read', 'public-read-write']);
    expect(await c('Copy-S3Object -StorageClass GLACIER')).toEqual(['GLACIER', 'GLACIER_IR']);
    expect(await c('Write-CWMetricAlarm -ComparisonOperator LessThanO')).toEqual(['LessThanOrEqualToThreshold']);
    expect(await c('Write-CWMetricAlarm -Unit Bytes/')).toEqual(['Bytes/Second']);
    expect(await c('Get-SQSQueueAttribute -AttributeName Pol')).toEqual(['Policy']);
    expect(await c('Get-IAMAccountAuthorizationDetail -Filter Ro')).toEqual(['Role']);
  });

  it('quotes values the parser would split, unless the word is already inside a quote', async () => {
    expect(await c('Get-EC2ReservedInstancesOffering -OfferingType No')).toEqual(["'No Upfront'"]);
    expect(await c("Get-EC2ReservedInstancesOffering -OfferingType 'No")).toEqual(['No Upfront']);
  });

  it('still completes -Region and offers nothing for a plain string parameter', async () => {
    expect(await c('New-EC2Instance -Region us-east-')).toEqual(['us-east-1', 'us-east-2']);
    expect(await c('New-EC2Instance -InstanceType t2.mi -Region eu-west-')).toEqual(['eu-west-1', 'eu-west-2', 'eu-west-3']);
  });
});
