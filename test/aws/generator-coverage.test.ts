// Generator coverage: every generated cmdlet of the seven services has its table's name, parameters,
// mandatory members and pipeline parameter; a sample of operations per service runs against moto.
import { describe, it, expect } from 'vitest';
import { useMoto, rawS3Client } from './helpers.js';
import { OpRunner } from './op-runner.js';
import { awsCmdlets, awsAliases } from '../../src/cmdlets/aws/index.js';
import { cmdletRows, missingOperations } from '../../src/cmdlets/aws/generated/cmdlets.js';
import { operationEntry } from '../../src/cmdlets/aws/runtime/params-store.js';
import { aliasTable } from '../../src/cmdlets/aws/generated/aliases.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const moto = useMoto();

const services = ['S3', 'EC2', 'SQS', 'SNS', 'STS', 'IAM', 'CW'];
const byName = new Map(awsCmdlets.map((c) => [c.name.toLowerCase(), c]));

describe('generated cmdlet table', () => {
  const reference = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'reference', 'aws-tools-cmdlets.tsv'), 'utf8')
    .split('\n').slice(1).filter((l) => l.trim()).map((l) => l.split('\t'));

  it('has every reference row of the seven services, with 0 operations missing from the SDK', () => {
    expect(missingOperations).toEqual([]);
    const want = reference.filter((r) => services.includes(r[0]!) && r[7] === 'generated').map((r) => r[2]!);
    for (const name of want) expect(byName.has(name.toLowerCase()), name).toBe(true);
    expect(want.length).toBeGreaterThan(1100);
  });

  it('has the hand-written cmdlets of the seven services (all but the S3 PSDrive provider)', () => {
    const want = reference.filter((r) => services.includes(r[0]!) && r[7] === 'hand-written').map((r) => r[2]!);
    const missing = want.filter((n) => !byName.has(n.toLowerCase()));
    expect(missing).toEqual(['Mount-S3PSDrive', 'Dismount-S3PSDrive']);
  });

  it('resolves every reference alias of a known cmdlet', () => {
    expect(Object.keys(awsAliases).length).toBe(Object.keys(aliasTable).filter((a) => byName.has(aliasTable[a]!.toLowerCase())).length);
    for (const a of ['EC2-DescribeInstances', 'Describe-EC2Instances', 'Get-S3Content', 'Assume-STSRole', 'List-S3Objects']) expect(awsAliases[a], a).toBeTruthy();
  });

  for (const prefix of services) {
    it(`${prefix}: every cmdlet declares its members, mandatory required members and its pipeline parameter`, () => {
      const rows = cmdletRows.filter((r) => r[1] === prefix && r[5] === 'g');
      expect(rows.length).toBeGreaterThan(5);
      for (const [name, , op, , pipe] of rows) {
        const decl = byName.get(name.toLowerCase());
        expect(decl, name).toBeTruthy();
        const params = decl!.parameters;
        const entry = operationEntry(prefix, op)!;
        expect(entry, `${name} ${op}`).toBeTruthy();
        for (const g of entry.p) {
          const d = params.find((p) => p.name === g.name);
          expect(d, `${name} -${g.name}`).toBeTruthy();
          expect(!!d!.mandatory, `${name} -${g.name} mandatory`).toBe(!!g.required);
          for (const a of g.aliases ?? []) expect(d!.aliases, `${name} -${g.name} alias ${a}`).toContain(a);
        }
        const piped = params.filter((p) => p.valueFromPipeline);
        if (pipe) {
          expect(piped.length, `${name} pipeline`).toBe(1);
          const p = piped[0]!;
          expect([p.name, ...(p.aliases ?? [])].map((x) => x.toLowerCase()), `${name} pipeline ${pipe}`).toContain(pipe.toLowerCase());
          expect(p.position).toBe(0);
        } else expect(piped.length, `${name} pipeline`).toBe(0);
        for (const common of ['Region', 'ProfileName', 'Credential', 'EndpointUrl', 'Select', 'Force']) expect(params.some((p) => p.name === common), `${name} -${common}`).toBe(true);
      }
    });
  }

  it('follows AWS Tools naming: singular with plural alias, `_` flattening, renamed members', () => {
    const param = (cmdlet: string, name: string) => byName.get(cmdlet.toLowerCase())!.parameters.find((p) => p.name === name);
    expect(param('Get-EC2Instance', 'InstanceId')!.aliases).toContain('InstanceIds');
    expect(param('Get-EC2Instance', 'Filter')!.aliases).toContain('Filters');
    expect(param('Write-S3BucketWebsite', 'WebsiteConfiguration_IndexDocumentSuffix')).toBeTruthy();
    expect(param('Write-S3BucketWebsite', 'WebsiteConfiguration_ErrorDocument')).toBeTruthy();
    expect(param('Request-EC2SpotInstance', 'LaunchSpecification_ImageId')).toBeTruthy();
    expect(param('Request-EC2SpotInstance', 'LaunchSpecification_NetworkInterface')!.aliases).toContain('LaunchSpecification_NetworkInterfaces');
    expect(param('Write-S3ObjectTagSet', 'Tagging_TagSet')!.mandatory).toBe(true);
    expect(param('Get-STSAccessKeyInfo', 'IdOfAccessKey')!.aliases).toContain('AccessKeyId');
    expect(param('Get-STSSessionToken', 'DurationInSeconds')).toBeTruthy();
    expect(param('New-EC2LaunchTemplate', 'LaunchTemplateData')!.valueFromPipeline).toBe(true);
    expect(param('Add-SNSPermission', 'ActionName')!.aliases).toContain('ActionNames');
    expect(param('Add-SQSPermission', 'Action')!.aliases).toContain('ActionName');
    expect(param('Get-EC2Instance', 'MaxResult')!.type).toBe('int');
    expect(param('Write-CWMetricAlarm', 'Threshold')!.type).toBe('double');
    expect(param('New-EC2SecurityGroup', 'GroupDescription')!.aliases).toContain('Description');
    expect(param('Test-SNSIfPhoneNumberIsOptedOut', 'PhoneNumber')).toBeTruthy(); // PascalCase from SNS `phoneNumber`
    expect(param('Get-S3Object', 'BucketName')!.aliases).toContain('Bucket');
  });
});

describe('generated cmdlets against moto', () => {
  it('S3: 30+ operations', async () => {
    const r = new OpRunner('S3');
    const b = 'cov-bucket';
    const { CreateBucketCommand, PutObjectCommand } = await import('@aws-sdk/client-s3');
    const raw = await rawS3Client(moto.url);
    await raw.send(new CreateBucketCommand({ Bucket: b }));
    await raw.send(new PutObjectCommand({ Bucket: b, Key: 'a.txt', Body: 'hello' }));
    expect((await r.op('ListBuckets')).map((x) => x.Name)).toContain(b);
    await r.op('PutBucketVersioning', { BucketName: b, VersioningConfiguration_Status: 'Enabled' });
    expect((await r.op('GetBucketVersioning', { BucketName: b }))[0].Status).toBe('Enabled');
    await r.op('PutBucketTagging', { BucketName: b, Tagging_TagSet: [{ Key: 'k', Value: 'v' }] });
    expect(await r.op('GetBucketTagging', { BucketName: b })).toEqual([{ Key: 'k', Value: 'v' }]);
    await r.op('DeleteBucketTagging', { BucketName: b });
    await r.op('PutBucketWebsite', { BucketName: b, WebsiteConfiguration_IndexDocumentSuffix: 'index.html', WebsiteConfiguration_ErrorDocument: 'error.html' });
    const site = (await r.op('GetBucketWebsite', { BucketName: b }))[0];
    expect([site.IndexDocumentSuffix, site.ErrorDocument]).toEqual(['index.html', 'error.html']);
    await r.op('DeleteBucketWebsite', { BucketName: b });
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/*` }] });
    await r.op('PutBucketPolicy', { BucketName: b, Policy: policy });
    expect(JSON.parse((await r.op('GetBucketPolicy', { BucketName: b }))[0]).Statement[0].Action).toBe('s3:GetObject');
    await r.op('DeleteBucketPolicy', { BucketName: b });
    await r.op('PutBucketCors', { BucketName: b, CORSConfiguration_CORSRule: [{ AllowedMethods: 'GET', AllowedOrigins: '*' }] });
    expect((await r.op('GetBucketCors', { BucketName: b }))[0].CORSRules[0].AllowedMethods).toEqual(['GET']);
    await r.op('DeleteBucketCors', { BucketName: b });
    await r.op('PutBucketLifecycleConfiguration', { BucketName: b, LifecycleConfiguration_Rule: [{ ID: 'r1', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: '30' } }] });
    expect((await r.op('GetBucketLifecycleConfiguration', { BucketName: b }))[0].Rules[0].Expiration.Days).toBe(30);
    await r.op('DeleteBucketLifecycle', { BucketName: b });
    await r.op('GetBucketLocation', { BucketName: b });
    await r.op('PutBucketAccelerateConfiguration', { BucketName: b, AccelerateConfiguration_Status: 'Enabled' });
    await r.op('GetBucketAccelerateConfiguration', { BucketName: b });
    await r.op('GetBucketAcl', { BucketName: b });
    expect((await r.op('ListObjects', { BucketName: b })).map((o) => o.Key)).toEqual(['a.txt']);
    expect((await r.op('ListObjectsV2', { BucketName: b })).map((o) => o.Key)).toEqual(['a.txt']);
    expect((await r.op('HeadObject', { BucketName: b, Key: 'a.txt' }))[0].ContentLength).toBe(5);
    await r.op('PutObjectTagging', { BucketName: b, Key: 'a.txt', Tagging_TagSet: { Key: 'one', Value: '1' } });
    expect(await r.op('GetObjectTagging', { BucketName: b, Key: 'a.txt' })).toEqual([{ Key: 'one', Value: '1' }]);
    await r.op('DeleteObjectTagging', { BucketName: b, Key: 'a.txt' });
    await r.op('ListObjectVersions', { BucketName: b });
    await r.op('PutBucketEncryption', { BucketName: b, ServerSideEncryptionConfiguration_Rule: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } } });
    await r.op('GetBucketEncryption', { BucketName: b });
    await r.op('PutPublicAccessBlock', { BucketName: b, PublicAccessBlockConfiguration_BlockPublicAcl: true });
    await r.op('GetPublicAccessBlock', { BucketName: b });
    await r.op('GetBucketLogging', { BucketName: b });
    await r.op('GetBucketNotificationConfiguration', { BucketName: b });
    await r.op('PutBucketRequestPayment', { BucketName: b, RequestPaymentConfiguration_Payer: 'Requester' });
    await r.op('GetBucketRequestPayment', { BucketName: b });
    await r.op('PutObjectAcl', { BucketName: b, Key: 'a.txt', ACL: 'public-read' });
    await r.op('GetObjectAcl', { BucketName: b, Key: 'a.txt' });
    await r.op('PutBucketOwnershipControls', { BucketName: b, OwnershipControls_Rule: { ObjectOwnership: 'BucketOwnerEnforced' } });
    await r.op('GetBucketOwnershipControls', { BucketName: b });
    r.expectAtLeast(30);
  });

  it('EC2: 30+ operations', async () => {
    const r = new OpRunner('EC2');
    expect((await r.op('DescribeRegions')).length).toBeGreaterThan(5);
    await r.op('DescribeAvailabilityZones');
    const images = await r.op('DescribeImages', { Owner: 'amazon' });
    const vpc = (await r.op('CreateVpc', { CidrBlock: '10.0.0.0/16' }))[0];
    expect(vpc.VpcId).toMatch(/^vpc-/);
    expect((await r.op('DescribeVpcs', { Filter: { Name: 'vpc-id', Values: vpc.VpcId } })).map((v) => v.VpcId)).toEqual([vpc.VpcId]);
    const subnet = (await r.op('CreateSubnet', { VpcId: vpc.VpcId, CidrBlock: '10.0.1.0/24' }))[0];
    await r.op('DescribeSubnets', { SubnetId: subnet.SubnetId });
    const groupId = (await r.op('CreateSecurityGroup', { GroupName: 'g1', GroupDescription: 'test group', VpcId: vpc.VpcId }))[0];
    expect(groupId).toMatch(/^sg-/);
    await r.op('AuthorizeSecurityGroupIngress', { GroupId: groupId, IpPermission: [{ IpProtocol: 'tcp', FromPort: '22', ToPort: 22, IpRanges: ['203.0.113.25/32'] }] });
    const sg = (await r.op('DescribeSecurityGroups', { GroupId: groupId }))[0];
    expect(sg.IpPermissions[0].IpRanges).toEqual(['203.0.113.25/32']);
    await r.op('RevokeSecurityGroupIngress', { GroupId: groupId, IpPermission: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: ['203.0.113.25/32'] }] });
    const kp = (await r.op('CreateKeyPair', { KeyName: 'kp1' }))[0];
    expect(kp.KeyMaterial).toContain('PRIVATE KEY');
    expect((await r.op('DescribeKeyPairs')).map((k) => k.KeyName)).toContain('kp1');
    const res = (await r.op('RunInstances', { ImageId: images[0].ImageId, MinCount: 1, MaxCount: 1, InstanceType: 't2.micro', SubnetId: subnet.SubnetId }))[0];
    const id = res.Instances[0].InstanceId;
    expect(id).toMatch(/^i-/);
    const reservations = await r.op('DescribeInstances', { InstanceId: id });
    expect(reservations[0].Instances[0].InstanceId).toBe(id);
    await r.op('StopInstances', { InstanceId: reservations[0] });
    await r.op('StartInstances', { InstanceId: reservations[0].Instances[0] });
    await r.op('CreateTags', { Resource: id, Tag: { Key: 'Name', Value: 'web' } });
    expect((await r.op('DescribeTags', { Filter: [{ Name: 'resource-id', Values: [id] }] })).map((t) => t.Value)).toEqual(['web']);
    await r.op('DeleteTags', { Resource: id, Tag: { Key: 'Name' } });
    const vol = (await r.op('CreateVolume', { AvailabilityZone: 'us-east-1a', Size: '8' }))[0];
    expect(vol.VolumeId).toMatch(/^vol-/);
    await r.op('DescribeVolumes', { VolumeId: vol.VolumeId });
    const snap = (await r.op('CreateSnapshot', { VolumeId: vol.VolumeId }))[0];
    await r.op('DescribeSnapshots', { SnapshotId: snap.SnapshotId });
    await r.op('DeleteSnapshot', { SnapshotId: snap.SnapshotId });
    await r.op('DeleteVolume', { VolumeId: vol.VolumeId });
    const igw = (await r.op('CreateInternetGateway'))[0];
    await r.op('AttachInternetGateway', { InternetGatewayId: igw.InternetGatewayId, VpcId: vpc.VpcId });
    await r.op('DescribeInternetGateways');
    const addr = (await r.op('AllocateAddress', { Domain: 'vpc' }))[0];
    await r.op('DescribeAddresses');
    await r.op('ReleaseAddress', { AllocationId: addr.AllocationId });
    await r.op('CreateRouteTable', { VpcId: vpc.VpcId });
    await r.op('DescribeRouteTables');
    await r.op('DescribeInstanceTypes', { InstanceType: 't2.micro' });
    await r.op('TerminateInstances', { InstanceId: id });
    await r.op('DeleteKeyPair', { KeyName: 'kp1' });
    await r.op('RequestSpotInstances', { SpotPrice: '0.05', LaunchSpecification_ImageId: images[0].ImageId, LaunchSpecification_InstanceType: 't2.micro' });
    await r.op('DescribeSpotInstanceRequests');
    r.expectAtLeast(30);
  });

  it('SQS: every operation moto serves', async () => {
    const r = new OpRunner('SQS');
    const q = (await r.op('CreateQueue', { QueueName: 'cov-q', Attribute: { VisibilityTimeout: '30' } }))[0];
    expect(q).toMatch(/cov-q$/);
    expect(await r.op('ListQueues')).toContain(q);
    expect((await r.op('GetQueueUrl', { QueueName: 'cov-q' }))[0]).toBe(q);
    await r.op('SetQueueAttributes', { QueueUrl: q, Attribute: { DelaySeconds: 0 } });
    const attrs = (await r.op('GetQueueAttributes', { QueueUrl: q, AttributeName: 'All' }))[0];
    expect(attrs.QueueARN).toMatch(/^arn:aws:sqs:/);
    expect(attrs.VisibilityTimeout).toBe(30);
    await r.op('SendMessage', { QueueUrl: q, MessageBody: 'one' });
    await r.op('SendMessageBatch', { QueueUrl: q, Entry: [{ Id: '1', MessageBody: 'two' }, { Id: '2', MessageBody: 'three' }] });
    const msgs = await r.op('ReceiveMessage', { QueueUrl: q, MaxNumberOfMessage: 10 });
    expect(msgs.length).toBeGreaterThan(0);
    await r.op('ChangeMessageVisibility', { QueueUrl: q, ReceiptHandle: msgs[0].ReceiptHandle, VisibilityTimeout: 0 });
    await r.op('ChangeMessageVisibilityBatch', { QueueUrl: q, Entry: [{ Id: 'a', ReceiptHandle: msgs[0].ReceiptHandle, VisibilityTimeout: 0 }] });
    await r.op('DeleteMessage', { QueueUrl: q, ReceiptHandle: msgs[0].ReceiptHandle });
    await r.op('DeleteMessageBatch', { QueueUrl: q, Entry: [{ Id: 'a', ReceiptHandle: msgs[0].ReceiptHandle }] });
    await r.op('TagQueue', { QueueUrl: q, Tag: { team: 'x' } });
    // Maps come back as .NET Dictionary objects (PSDictionary), as in AWS Tools.
    expect((await r.op('ListQueueTags', { QueueUrl: q }))[0].get('team')).toBe('x');
    await r.op('UntagQueue', { QueueUrl: q, TagKey: 'team' });
    await r.op('AddPermission', { QueueUrl: q, Label: 'p1', AWSAccountId: '123456789012', Action: 'SendMessage' });
    await r.op('RemovePermission', { QueueUrl: q, Label: 'p1' });
    await r.op('ListDeadLetterSourceQueues', { QueueUrl: q });
    await r.op('PurgeQueue', { QueueUrl: q });
    await r.op('DeleteQueue', { QueueUrl: q });
    r.expectAtLeast(19);
  });

  it('SNS: 30 operations', async () => {
    const r = new OpRunner('SNS');
    const t = (await r.op('CreateTopic', { Name: 'cov-t' }))[0];
    expect(t).toMatch(/cov-t$/);
    await r.op('ListTopics');
    await r.op('SetTopicAttributes', { TopicArn: t, AttributeName: 'DisplayName', AttributeValue: 'Cov' });
    expect((await r.op('GetTopicAttributes', { TopicArn: t }))[0].get('DisplayName')).toBe('Cov');
    const sub = (await r.op('Subscribe', { TopicArn: t, Protocol: 'email', Endpoint: 'a@example.com' }))[0];
    await r.op('ListSubscriptions');
    await r.op('ListSubscriptionsByTopic', { TopicArn: t });
    await r.op('GetSubscriptionAttributes', { SubscriptionArn: sub });
    await r.op('SetSubscriptionAttributes', { SubscriptionArn: sub, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' });
    await r.op('Publish', { TopicArn: t, Message: 'hi', Subject: 's' });
    await r.op('PublishBatch', { TopicArn: t, PublishBatchRequestEntry: [{ Id: '1', Message: 'a' }] });
    await r.op('Unsubscribe', { SubscriptionArn: sub });
    await r.op('AddPermission', { TopicArn: t, Label: 'p', AWSAccountId: '123456789012', ActionName: 'Publish' });
    await r.op('RemovePermission', { TopicArn: t, Label: 'p' });
    await r.op('TagResource', { ResourceArn: t, Tag: { Key: 'k', Value: 'v' } });
    expect(await r.op('ListTagsForResource', { ResourceArn: t })).toEqual([{ Key: 'k', Value: 'v' }]);
    await r.op('UntagResource', { ResourceArn: t, TagKey: 'k' });
    const app = (await r.op('CreatePlatformApplication', { Name: 'app', Platform: 'GCM', Attribute: { PlatformCredential: 'key' } }))[0];
    await r.op('ListPlatformApplications');
    await r.op('GetPlatformApplicationAttributes', { PlatformApplicationArn: app });
    await r.op('SetPlatformApplicationAttributes', { PlatformApplicationArn: app, Attribute: { Enabled: 'true' } });
    const ep = (await r.op('CreatePlatformEndpoint', { PlatformApplicationArn: app, Token: 'tok' }))[0];
    await r.op('ListEndpointsByPlatformApplication', { PlatformApplicationArn: app });
    await r.op('GetEndpointAttributes', { EndpointArn: ep });
    await r.op('SetEndpointAttributes', { EndpointArn: ep, Attribute: { Enabled: 'false' } });
    await r.op('DeleteEndpoint', { EndpointArn: ep });
    await r.op('DeletePlatformApplication', { PlatformApplicationArn: app });
    await r.op('SetSMSAttributes', { Attribute: { DefaultSMSType: 'Transactional' } });
    await r.op('GetSMSAttributes');
    await r.op('ListPhoneNumbersOptedOut');
    await r.op('OptInPhoneNumber', { PhoneNumber: '+15555550100' });
    await r.op('DeleteTopic', { TopicArn: t });
    r.expectAtLeast(30);
  });

  it('STS: every operation moto serves', async () => {
    const r = new OpRunner('STS');
    expect((await r.op('GetCallerIdentity'))[0].Account).toMatch(/^\d{12}$/);
    const assumed = (await r.op('AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's', DurationInSeconds: '900' }))[0];
    expect(assumed.Credentials.AccessKeyId).toBeTruthy();
    await r.op('GetSessionToken', { DurationInSeconds: 900 });
    await r.op('GetFederationToken', { Name: 'fed' });
    await r.op('GetAccessKeyInfo', { IdOfAccessKey: 'AKIAIOSFODNN7EXAMPLE' });
    r.expectAtLeast(5);
  });

  it('IAM: 15+ operations', async () => {
    const r = new OpRunner('IAM');
    await r.op('CreateUser', { UserName: 'u1' });
    expect((await r.op('GetUser', { UserName: 'u1' }))[0].UserName).toBe('u1');
    expect((await r.op('ListUsers')).map((u) => u.UserName)).toContain('u1');
    await r.op('CreateGroup', { GroupName: 'g1' });
    await r.op('AddUserToGroup', { GroupName: 'g1', UserName: 'u1' });
    expect((await r.op('ListGroupsForUser', { UserName: 'u1' })).map((g) => g.GroupName)).toEqual(['g1']);
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await r.op('CreateRole', { RoleName: 'r1', AssumeRolePolicyDocument: trust });
    await r.op('GetRole', { RoleName: 'r1' });
    await r.op('ListRoles');
    const pol = (await r.op('CreatePolicy', { PolicyName: 'p1', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) }))[0];
    await r.op('AttachRolePolicy', { RoleName: 'r1', PolicyArn: pol.Arn });
    expect((await r.op('ListAttachedRolePolicies', { RoleName: 'r1' })).map((p) => p.PolicyName)).toEqual(['p1']);
    const key = (await r.op('CreateAccessKey', { UserName: 'u1' }))[0];
    await r.op('ListAccessKeys', { UserName: 'u1' });
    await r.op('TagUser', { UserName: 'u1', Tag: { Key: 'k', Value: 'v' } });
    await r.op('ListUserTags', { UserName: 'u1' });
    await r.op('DeleteAccessKey', { UserName: 'u1', AccessKeyId: key.AccessKeyId });
    await r.op('RemoveUserFromGroup', { GroupName: 'g1', UserName: 'u1' });
    r.expectAtLeast(15);
  });

  it('CloudWatch: 15+ operations', async () => {
    const r = new OpRunner('CW');
    const now = new Date();
    await r.op('PutMetricData', { Namespace: 'Cov', MetricData: [{ MetricName: 'Hits', Value: '3', Unit: 'Count', Timestamp: now.toISOString() }] });
    expect((await r.op('ListMetrics', { Namespace: 'Cov' })).map((m) => m.MetricName)).toEqual(['Hits']);
    const stats = (await r.op('GetMetricStatistics', { Namespace: 'Cov', MetricName: 'Hits', StartTime: new Date(now.getTime() - 3600_000), EndTime: new Date(now.getTime() + 60_000).toISOString(), Period: '60', Statistic: 'Sum' }))[0];
    expect(stats.Datapoints[0].Sum).toBe(3);
    await r.op('GetMetricData', { MetricDataQuery: [{ Id: 'm1', MetricStat: { Metric: { Namespace: 'Cov', MetricName: 'Hits' }, Period: 60, Stat: 'Sum' } }], StartTime: new Date(now.getTime() - 3600_000), EndTime: new Date(now.getTime() + 60_000) });
    await r.op('PutMetricAlarm', { AlarmName: 'a1', Namespace: 'Cov', MetricName: 'Hits', Statistic: 'Sum', Period: 60, EvaluationPeriod: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' });
    expect((await r.op('DescribeAlarms')).length).toBeGreaterThanOrEqual(0);
    await r.op('DescribeAlarmsForMetric', { Namespace: 'Cov', MetricName: 'Hits' });
    await r.op('SetAlarmState', { AlarmName: 'a1', StateValue: 'ALARM', StateReason: 'test' });
    await r.op('PutDashboard', { DashboardName: 'd1', DashboardBody: '{"widgets":[]}' });
    await r.op('GetDashboard', { DashboardName: 'd1' });
    await r.op('ListDashboards');
    await r.op('DeleteDashboards', { DashboardName: 'd1' });
    await r.op('TagResource', { ResourceARN: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:a1', Tag: { Key: 'k', Value: 'v' } });
    await r.op('ListTagsForResource', { ResourceARN: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:a1' });
    await r.op('UntagResource', { ResourceARN: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:a1', TagKey: 'k' });
    await r.op('DeleteAlarms', { AlarmName: 'a1' });
    r.expectAtLeast(15);
  });
});
