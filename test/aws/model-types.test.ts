// Model objects scripts build by hand: Amazon.<Service>.Model.<Shape> types defined on demand from the SDK schemas,
// and their conversion to the v3 request shapes.
import { describe, it, expect } from 'vitest';
import { resolveAwsType, installAwsTypeResolver, importAwsModuleTypes } from '../../src/cmdlets/aws/model/model-types.js';
import { typeByFullName } from '../../src/runtime/types/ps-type.js';
import { convertTo, resolveType, getMember, setMember, invokeMethod } from '../../src/runtime/types/index.js';
import { construct } from '../../src/runtime/types/constructors.js';
import { PSHashtable } from '../../src/runtime/values/objects.js';
import { useMoto } from './helpers.js';
import { OpRunner } from './op-runner.js';

const TYPE = Symbol.for('awsh.typeName');
const ht = (o: Record<string, unknown>) => {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(o)) h.set(k, v);
  return h;
};

describe('model types', () => {
  it('resolves Amazon.<Service>.Model.<Shape> names case-insensitively, and unknown names to null', () => {
    const t = resolveAwsType('amazon.ec2.model.ipPermission')!;
    expect(t.FullName).toBe('Amazon.EC2.Model.IpPermission');
    expect(resolveAwsType('Amazon.S3.Model.S3Object')!.FullName).toBe('Amazon.S3.Model.S3Object');
    expect(resolveAwsType('Amazon.CloudWatch.Model.MetricDatum')!.FullName).toBe('Amazon.CloudWatch.Model.MetricDatum');
    expect(resolveAwsType('Amazon.EC2.Model.NoSuchShape')).toBeNull();
    expect(resolveAwsType('System.Foo')).toBeNull();
    // once defined, the types layer knows it directly
    expect(resolveType('Amazon.EC2.Model.IpPermission')).toBe(t);
  });

  it('New-Object IpPermission: the shape members, collections initialised so IpRanges.Add works', () => {
    const t = resolveAwsType('Amazon.EC2.Model.IpPermission')!;
    const ip = construct(t, []) as Record<string | symbol, any>;
    expect(ip[TYPE]).toBe('Amazon.EC2.Model.IpPermission');
    expect(Object.keys(ip)).toEqual(['IpProtocol', 'FromPort', 'ToPort', 'UserIdGroupPairs', 'IpRanges', 'Ipv6Ranges', 'PrefixListIds']);
    setMember(ip, 'IpProtocol', 'tcp');
    setMember(ip, 'FromPort', '22');
    expect(ip.FromPort).toBe(22);
    invokeMethod(getMember(ip, 'IpRanges'), 'Add', ['203.0.113.25/32']);
    expect([...ip.IpRanges]).toEqual(['203.0.113.25/32']);
  });

  it('[Amazon.EC2.Model.Filter]@{Name=..;Values=..} casts, a scalar Values becoming a list', () => {
    const t = resolveAwsType('Amazon.EC2.Model.Filter')!;
    const f = convertTo(ht({ Name: 'vpc-id', Values: 'vpc-1234abcd' }), t) as Record<string | symbol, any>;
    expect(f[TYPE]).toBe('Amazon.EC2.Model.Filter');
    expect(f.Name).toBe('vpc-id');
    expect([...f.Values]).toEqual(['vpc-1234abcd']);
    expect(() => convertTo(ht({ Nope: 1 }), t)).toThrow(/Nope/);
  });

  it('MetricDatum, and AmazonS3Config with ClientConfig properties', () => {
    const d = construct(resolveAwsType('Amazon.CloudWatch.Model.MetricDatum')!, []) as Record<string, any>;
    expect(Object.keys(d)).toContain('MetricName');
    expect(Object.keys(d)).toContain('Timestamp');
    setMember(d, 'StorageResolution', '60');
    expect(d.StorageResolution).toBe(60);
    const cfg = construct(resolveAwsType('Amazon.S3.AmazonS3Config')!, []) as Record<string | symbol, any>;
    expect(cfg[TYPE]).toBe('Amazon.S3.AmazonS3Config');
    expect(Object.keys(cfg)).toContain('ForcePathStyle');
    expect(Object.keys(cfg)).toContain('ServiceURL');
  });

  it('Import-Module of an AWS module defines its model types (lazily: members read on first use)', () => {
    expect(typeByFullName('Amazon.IdentityManagement.Model.User')).toBeNull();
    expect(importAwsModuleTypes('AWS.Tools.IdentityManagement')).toBe(true);
    const t = typeByFullName('Amazon.IdentityManagement.Model.User')!;
    expect(t.def.properties!.map((p) => p.name)).toContain('UserName');
    expect(typeByFullName('Amazon.IdentityManagement.AmazonIdentityManagementServiceConfig')).toBeTruthy();
    expect(importAwsModuleTypes('AWS.Tools.Common')).toBe(true);
    expect(importAwsModuleTypes('Pester')).toBe(false);
  });

  it('installAwsTypeResolver reports whether the types layer offers a resolver hook', () => {
    expect(typeof installAwsTypeResolver()).toBe('boolean');
  });
});

describe('model objects in requests (against moto)', () => {
  const moto = useMoto();

  it('IpPermission objects with CIDR strings in IpRanges, and Filter objects / hashtables as filters', async () => {
    const r = new OpRunner('EC2');
    const vpc = (await r.op('CreateVpc', { CidrBlock: '10.1.0.0/16' }))[0];
    const gid = (await r.op('CreateSecurityGroup', { GroupName: 'web', GroupDescription: 'd', VpcId: vpc.VpcId }))[0];
    const ipT = resolveAwsType('Amazon.EC2.Model.IpPermission')!;
    const perms = [22, 3389].map((port) => {
      const ip = construct(ipT, []) as any;
      setMember(ip, 'IpProtocol', 'tcp');
      setMember(ip, 'FromPort', port);
      setMember(ip, 'ToPort', port);
      invokeMethod(getMember(ip, 'IpRanges'), 'Add', ['203.0.113.25/32']);
      return ip;
    });
    await r.op('AuthorizeSecurityGroupIngress', { GroupId: gid, IpPermission: perms });
    const filter = convertTo(ht({ Name: 'vpc-id', Values: vpc.VpcId }), resolveAwsType('Amazon.EC2.Model.Filter')!);
    const groups = await r.op('DescribeSecurityGroups', { Filter: filter });
    const sg = groups.find((g) => g.GroupId === gid);
    expect(sg[TYPE]).toBe('Amazon.EC2.Model.SecurityGroup');
    expect(sg.IpPermissions.map((p: any) => p.FromPort).sort()).toEqual([22, 3389]);
    expect(sg.IpPermissions[0][TYPE]).toBe('Amazon.EC2.Model.IpPermission');
    expect(sg.IpPermissions[0].IpRanges).toEqual(['203.0.113.25/32']);
    expect(sg.IpPermissions[0].Ipv4Ranges[0].CidrIp).toBe('203.0.113.25/32');
    const viaHashtable = await r.op('DescribeSecurityGroups', { Filter: ht({ Name: 'group-id', Values: gid }) });
    expect(viaHashtable.map((g) => g.GroupId)).toEqual([gid]);
    expect(r.failures).toEqual([]);
  });

  it("running a service's cmdlet defines that service's model types (module auto-import)", async () => {
    expect(typeByFullName('Amazon.SQS.Model.Message')).toBeNull();
    const r = new OpRunner('SQS');
    await r.op('ListQueues');
    expect(typeByFullName('Amazon.SQS.Model.Message')!.def.properties!.map((p) => p.name)).toContain('ReceiptHandle');
  });

  it('a MetricDatum object goes to PutMetricData', async () => {
    const r = new OpRunner('CW');
    const d = construct(resolveAwsType('Amazon.CloudWatch.Model.MetricDatum')!, []) as any;
    setMember(d, 'MetricName', 'Temp');
    setMember(d, 'Value', '.50'); // the guide: a string or a number
    expect(d.Value).toBe(0.5);
    setMember(d, 'Unit', 'Count');
    setMember(d, 'Timestamp', new Date());
    await r.op('PutMetricData', { Namespace: 'Model', MetricData: d });
    expect((await r.op('ListMetrics', { Namespace: 'Model' })).map((m) => m.MetricName)).toEqual(['Temp']);
    expect(r.failures).toEqual([]);
  });
});
