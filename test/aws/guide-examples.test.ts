// User-guide examples run as printed through the interpreter against moto; the output is compared with what the
// guide shows (nested models as their type name, ListObjectsResponse members, confirmation, profile files).
import { describe, it, expect, beforeEach } from 'vitest';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { useMoto, useTestingKeys } from './helpers.js';
import { createShell } from '../../src/index.js';

const moto = useMoto();
useTestingKeys();
beforeEach(() => {
  process.env.AWS_REGION = 'us-east-1';
});

/** Runs a script in a fresh shell: its output objects, the text of each (Out-String), and the error messages. */
async function run(script: string): Promise<{ output: any[]; errors: string[]; warnings: string[] }> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const shell = createShell({ host: { error: (r: any) => void errors.push(r?.Exception?.Message ?? String(r)), warning: (m: string) => void warnings.push(m) } } as any);
  const r = await shell.execute(script);
  if (r.terminatingError) errors.push((r.terminatingError as any).Exception?.Message ?? String(r.terminatingError));
  return { output: r.output as any[], errors, warnings };
}
/** The lines of a script's single string output, right-trimmed, without leading/trailing blank lines. */
async function text(script: string): Promise<string[]> {
  const { output, errors } = await run(script);
  expect(errors).toEqual([]);
  return output.join('\n').split('\n').map((l) => l.trimEnd()).join('\n').trim().split('\n');
}
function cli(...args: string[]): any {
  const out = execFileSync('aws', ['--endpoint-url', moto.url, ...args, '--output', 'json'], {
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_DEFAULT_REGION: 'us-east-1' },
  }).toString();
  return out.trim() ? JSON.parse(out) : null;
}

const twoObjects = `
New-S3Bucket -BucketName mybucket | Out-Null
Write-S3Object mybucket -Key file1.txt -Content "file content"
Write-S3Object mybucket -Key file2.txt -Content "more file content"
`;

describe('S3 listings as the guide shows them', () => {
  it('Get-S3Object: Owner shows as its .NET type name', async () => {
    const lines = await text(`${twoObjects} Get-S3Object -BucketName mybucket | Select-Object -First 1 | Out-String`);
    expect(lines.map((l) => l.replace(/ +:/, ' :'))).toContain('Owner : Amazon.S3.Model.Owner');
    expect(lines[0]).toMatch(/^ETag +: "/);
  });

  it('Get-S3Object -Select *: the ListObjectsResponse members in order, S3Objects by key, empty ones shown', async () => {
    const lines = await text(`${twoObjects} Get-S3Object -BucketName mybucket -Select * | Out-String`);
    const names = lines.map((l) => l.split(':')[0]!.trim());
    expect(names.slice(0, 8)).toEqual(['IsTruncated', 'NextMarker', 'S3Objects', 'Name', 'Prefix', 'MaxKeys', 'CommonPrefixes', 'Delimiter']);
    expect(lines).toContain('S3Objects        : {file1.txt, file2.txt}');
    expect(lines).toContain('CommonPrefixes   : {}');
    expect(names).not.toContain('Contents');
    // still readable under the v3 name
    const { output } = await run(`${twoObjects} (Get-S3Object -BucketName mybucket -Select *).Contents.Count`);
    expect(output).toEqual([2]);
  });

  it('Get-S3Object -KeyPrefix, a positional prefix and -Key (the guide) select by prefix', async () => {
    const setup = `New-S3Bucket -BucketName text-content | Out-Null
      Write-S3Object -BucketName text-content -Key flat/a.txt -Content a
      Write-S3Object -BucketName text-content -Key b.txt -Content b`;
    const { output, errors } = await run(`${setup}
      (Get-S3Object -BucketName text-content -KeyPrefix flat).Key
      (Get-S3Object text-content flat).Key
      (Get-S3Object -BucketName text-content -Key b).Key
      (Get-S3Object -BucketName text-content -MaxItems 1 -NoAutoIteration).Count`);
    expect(errors).toEqual([]);
    expect(output).toEqual(['flat/a.txt', 'flat/a.txt', 'b.txt', 1]);
  });
});

describe('EC2 models as the guide shows them', () => {
  it('Get-EC2SecurityGroup: IpPermissionsEgress : {Amazon.EC2.Model.IpPermission}; a model ToString() is its type name', async () => {
    const lines = await text(`Get-EC2SecurityGroup | Select-Object -First 1 | Out-String`);
    expect(lines).toContain('IpPermissionsEgress : {Amazon.EC2.Model.IpPermission}');
    const { output } = await run(`$g = Get-EC2SecurityGroup | Select-Object -First 1; $g.ToString(); "$g"`);
    expect(output).toEqual(['Amazon.EC2.Model.SecurityGroup', 'Amazon.EC2.Model.SecurityGroup']);
  });

  it('New-Object Amazon.EC2.Model.IpPermission: IpRanges is a List[string] whose Add returns nothing', async () => {
    const { output, errors } = await run(`Import-Module AWS.Tools.EC2
      $ip1 = New-Object Amazon.EC2.Model.IpPermission
      $ip1.IpRanges.Add("203.0.113.25/32")
      $ip1.UserIdGroupPairs.Add($null)
      $ip1.IpRanges.GetType().Name
      $ip1.IpRanges[0]`);
    expect(errors).toEqual([]);
    expect(output).toEqual(['List`1', '203.0.113.25/32']);
  });

  it('security group walkthrough: both rules granted from New-Object IpPermissions show as the guide prints them', async () => {
    const lines = await text(`Import-Module AWS.Tools.EC2
      $groupid = New-EC2SecurityGroup -GroupName myPSSecurityGroup -GroupDescription "EC2-VPC from PowerShell"
      $ip1 = new-object Amazon.EC2.Model.IpPermission
      $ip1.IpProtocol = "tcp"; $ip1.FromPort = 22; $ip1.ToPort = 22
      $ip1.IpRanges.Add("203.0.113.25/32")
      $ip2 = new-object Amazon.EC2.Model.IpPermission
      $ip2.IpProtocol = "tcp"; $ip2.FromPort = 3389; $ip2.ToPort = 3389
      $ip2.IpRanges.Add("203.0.113.25/32")
      Grant-EC2SecurityGroupIngress -GroupId $groupid -IpPermissions @( $ip1, $ip2 ) | Out-Null
      (Get-EC2SecurityGroup -GroupIds $groupid).IpPermissions | Out-String`);
    expect(lines.slice(0, 5)).toEqual(['IpProtocol       : tcp', 'FromPort         : 22', 'ToPort           : 22', 'UserIdGroupPairs : {}', 'IpRanges         : {203.0.113.25/32}']);
    expect(lines).toContain('FromPort         : 3389');
  });

  it('Get-EC2Instance | Stop-EC2Instance runs without a prompt (Medium impact); Remove-EC2Instance still asks', async () => {
    const { output, errors } = await run(`$ami = (Get-EC2Image | Select-Object -First 1).ImageId
      $r = New-EC2Instance -ImageId $ami -MinCount 1 -MaxCount 1 -InstanceType t2.micro
      (Get-EC2Instance | Stop-EC2Instance).InstanceId -eq $r.Instances[0].InstanceId
      Get-EC2Instance | Remove-EC2Instance`);
    expect(output).toEqual([true]);
    expect(cli('ec2', 'describe-instances').Reservations[0].Instances[0].State.Name).toBe('stopped');
    expect(errors.join('\n')).toMatch(/requires confirmation/);
  });

  it('nested models in a reservation show by their ToString: {Amazon.EC2.Model.Instance}, {/dev/sda1}, {myPSSecurityGroup}', async () => {
    const lines = await text(`$ami = (Get-EC2Image | Select-Object -First 1).ImageId
      New-EC2SecurityGroup -GroupName myPSSecurityGroup -GroupDescription d | Out-Null
      $r = New-EC2Instance -ImageId $ami -MinCount 1 -MaxCount 1 -InstanceType t2.micro -SecurityGroup myPSSecurityGroup
      $r | Out-String
      (Get-EC2Instance).Instances | Format-List BlockDeviceMappings, SecurityGroups, Placement | Out-String`);
    expect(lines).toContain('Instances     : {Amazon.EC2.Model.Instance}');
    expect(lines).toContain('BlockDeviceMappings : {/dev/sda1}');
    expect(lines).toContain('SecurityGroups      : {myPSSecurityGroup}');
    expect(lines).toContain('Placement           : Amazon.EC2.Model.Placement');
  });
});

describe('profiles', () => {
  it('Initialize-AWSDefaultConfiguration -ProfileName X -Region R saves X as the default profile with the region', async () => {
    const { errors } = await run(`Set-AWSCredential -AccessKey AKIA0123456787EXAMPLE -SecretKey wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY -StoreAs MyProfileName
      Initialize-AWSDefaultConfiguration -ProfileName MyProfileName -Region us-west-2`);
    expect(errors).toEqual([]);
    const file = fs.readFileSync(moto.files.credentials, 'utf8');
    expect(file).toMatch(/\[default\]\naws_access_key_id = AKIA0123456787EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI\/K7MDENG\/bPxRfiCYEXAMPLEKEY\nregion = us-west-2/);
    expect(file).toMatch(/\[MyProfileName\]/);
    // a new shell finds the default profile and its region
    const { output } = await run(`(Get-AWSCredential -ListProfileDetail).ProfileName | Sort-Object; (Get-DefaultAWSRegion).Region`);
    expect(output.slice(0, 2)).toEqual(['default', 'MyProfileName']);
  });

  it('Initialize-AWSDefaultConfiguration with a missing profile fails and changes no file', async () => {
    await run(`Set-AWSCredential -AccessKey AKIA0123456787EXAMPLE -SecretKey s1 -StoreAs default`);
    const before = fs.readFileSync(moto.files.credentials, 'utf8');
    const { errors } = await run(`Initialize-AWSDefaultConfiguration -ProfileName nosuch -Region eu-west-1`);
    expect(errors.join('\n')).toMatch(/nosuch/);
    expect(fs.readFileSync(moto.files.credentials, 'utf8')).toBe(before);
  });

  it('a credentials object lists no internals and no secret; GetCredentials() is an ImmutableCredentials', async () => {
    const { output, errors } = await run(`Set-AWSCredential -AccessKey AKIA0123456787EXAMPLE -SecretKey verysecretvalue -StoreAs p1
      $c = Get-AWSCredential -ProfileName p1
      $c | Format-List * | Out-String
      ($c | Get-Member -MemberType Property).Name -join ','
      $c.GetCredentials().GetType().FullName`);
    expect(errors).toEqual([]);
    expect(output[0]).not.toMatch(/provider|identity|verysecretvalue/);
    expect(output[1]).not.toMatch(/provider|identity/);
    expect(output[2]).toBe('Amazon.Runtime.ImmutableCredentials');
  });

  it('a role profile reads back as AssumeRoleAWSCredentials (SourceCredentials, RoleArn, RoleSessionName, Options)', async () => {
    const { output, errors } = await run(`Set-AWSCredential -StoreAs my_source_profile -AccessKey access_key_id -SecretKey secret_key
      Set-AWSCredential -StoreAs my_role_profile -SourceProfile my_source_profile -RoleArn arn:aws:iam::123456789012:role/role-i-want-to-assume
      $c = Get-AWSCredential -ProfileName my_role_profile
      $c.GetType().FullName
      ($c | Get-Member -MemberType Property).Name -join ','
      "$($c.SourceCredentials)"
      $c.RoleArn
      $c.RoleSessionName -like 'aws-dotnet-sdk-session-*'
      (Get-AWSCredential -ProfileName my_source_profile).GetType().FullName`);
    expect(errors).toEqual([]);
    expect(output).toEqual([
      'Amazon.Runtime.AssumeRoleAWSCredentials', 'Options,RoleArn,RoleSessionName,SourceCredentials', 'Amazon.Runtime.BasicAWSCredentials',
      'arn:aws:iam::123456789012:role/role-i-want-to-assume', true, 'Amazon.Runtime.BasicAWSCredentials',
    ]);
  });
});

describe('mandatory parameters are nullable (the guide\'s Get-EC2InstanceAttribute -InstanceId $null -Attribute $null)', () => {
  it('binds, warns once per $null required parameter in name order, and the service reports the error', async () => {
    const { warnings, errors } = await run(`Get-EC2InstanceAttribute -InstanceId $null -Attribute $null`);
    expect(warnings).toEqual(['Attribute', 'InstanceId'].map((n) => `You are passing $null as a value for parameter ${n} which is marked as required. In case you believe this parameter was incorrectly marked as required, report this by opening an issue at https://github.com/aws/aws-tools-for-powershell/issues.`));
    expect(errors.length).toBe(1);
    expect(errors[0]).not.toMatch(/because it is null/);
  });
});

describe('model members as the .NET SDK declares them', () => {
  it('Format-List of an Instance: members in name order, unset lists as {} (the guide: ProductCodes : {}, Tags : {})', async () => {
    const lines = await text(`$ami = (Get-EC2Image | Select-Object -First 1).ImageId
      New-EC2Instance -ImageId $ami -MinCount 1 -MaxCount 1 -InstanceType t2.micro | Out-Null
      (Get-EC2Instance).Instances | Format-List | Out-String`);
    const names = lines.map((l) => l.split(':')[0]!.trim()).filter(Boolean);
    expect(names[0]).toBe('AmiLaunchIndex');
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(lines.find((l) => l.startsWith('Tags '))).toMatch(/: \{\}$/);
    expect(lines.find((l) => l.startsWith('ProductCodes '))).toMatch(/: \{\}$/);
  });

  it('Stop-EC2Instance output: CurrentState, InstanceId, PreviousState', async () => {
    const lines = await text(`$ami = (Get-EC2Image | Select-Object -First 1).ImageId
      New-EC2Instance -ImageId $ami -MinCount 1 -MaxCount 1 -InstanceType t2.micro | Out-Null
      Get-EC2Instance | Stop-EC2Instance | Out-String`);
    expect(lines[0]!.split(/\s+/)).toEqual(['CurrentState', 'InstanceId', 'PreviousState']);
    expect(lines[2]).toMatch(/^Amazon\.EC2\.Model\.InstanceState i-/);
  });
});

describe('discovery cmdlets as the guide shows them', () => {
  it('Get-AWSCmdletName: the service as "Amazon Elastic Compute Cloud"; -MatchWithRegex lists by cmdlet name', async () => {
    const { output, errors } = await run(`$r = Get-AWSCmdletName -ApiOperation DescribeInstances -Service "Compute Cloud"
      $r.CmdletName; $r.ServiceName
      $names = (Get-AWSCmdletName -ApiOperation SecurityGroup -MatchWithRegex -Service EC2).CmdletName
      ($names -join ',') -eq (($names | Sort-Object) -join ',')
      $names[0]`);
    expect(errors).toEqual([]);
    expect(output).toEqual(['Get-EC2Instance', 'Amazon Elastic Compute Cloud', true, 'Add-EC2SecurityGroupToClientVpnTargetNetwork']);
  });

  it('Get-AWSService: Service is the module\'s service name (ACMPCA for AWS.Tools.ACMPCA)', async () => {
    const { output } = await run(`Get-AWSService | Where-Object CmdletNounPrefix -eq EC2 | ForEach-Object { $_.Service; $_.ModuleName; $_.ServiceName }`);
    expect(output).toEqual(['EC2', 'AWS.Tools.EC2', 'Amazon Elastic Compute Cloud']);
  });
});

describe('binding errors name the AWS Tools cmdlet class', () => {
  it('-ClientConfig with an undefined property: the guide\'s "Cannot bind parameter" message', async () => {
    const { output } = await run(`$params = @{ ClientConfig = @{ ForcePathStyle = $true; UndefinedProperty = "Value" }; BucketName = "mybucket" }
      try { Get-S3Object @params } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }`);
    expect(output).toEqual([
      'Cannot bind parameter \'ClientConfig\'. Cannot create object of type "Amazon.S3.AmazonS3Config". The UndefinedProperty property was not found for the Amazon.S3.AmazonS3Config object.',
      'CannotConvertArgumentNoMessage,Amazon.PowerShell.Cmdlets.S3.GetS3ObjectCmdlet',
    ]);
  });

  it('generated, hand-written and Common cmdlets', async () => {
    const { output } = await run(`foreach ($c in 'Get-EC2Instance', 'Write-S3Object', 'Set-DefaultAWSRegion') { try { & $c -NoSuchParameter 1 } catch { $_.FullyQualifiedErrorId } }`);
    expect(output).toEqual([
      'NamedParameterNotFound,Amazon.PowerShell.Cmdlets.EC2.GetEC2InstanceCmdlet',
      'NamedParameterNotFound,Amazon.PowerShell.Cmdlets.S3.WriteS3ObjectCmdlet',
      'NamedParameterNotFound,Amazon.PowerShell.Common.SetDefaultAWSRegionCmdlet',
    ]);
  });
});


describe('service maps are Dictionary objects', () => {
  it('Receive-SQSMessage shows unset attribute maps as {} and set ones index by key; QueueARN still comes from the map', async () => {
    const lines = await text('$q = New-SQSQueue -QueueName mapq; Send-SQSMessage -QueueUrl $q -MessageBody hi | Out-Null; Receive-SQSMessage -QueueUrl $q | Format-List Attributes, MessageAttributes, Body | Out-String');
    expect(lines).toEqual(['Attributes        : {}', 'MessageAttributes : {}', 'Body              : hi']);
    const { output } = await run(
      '$q = New-SQSQueue -QueueName mapq2; Send-SQSMessage -QueueUrl $q -MessageBody hi | Out-Null; $m = Receive-SQSMessage -QueueUrl $q -AttributeName All; ' +
        '$m.Attributes.GetType().Name; $m.Attributes["SenderId"] -ne $null; $m.Attributes.ContainsKey("SentTimestamp"); (Get-SQSQueueAttribute -QueueUrl $q -AttributeName QueueArn).QueueARN',
    );
    expect(output.map(String)).toEqual(['Dictionary`2', 'true', 'true', 'arn:aws:sqs:us-east-1:123456789012:mapq2']);
  });
});
