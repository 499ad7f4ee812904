// AWS cmdlets in real pipelines (createShell): piping model objects between cmdlets, default views.
import { describe, it, expect } from 'vitest';
import { runScript as run, useMoto, useTestingKeys } from './helpers.js';
import { createShell } from '../../src/index.js';

const moto = useMoto();
useTestingKeys();

describe('AWS cmdlets in pipelines', () => {
  it('Get-S3Object | Remove-S3Object deletes the piped objects in one DeleteObjects batch', async () => {
    const { output, errors } = await run(`Set-DefaultAWSRegion us-east-1
New-S3Bucket pipe | Out-Null
'a','b','c' | % { Write-S3Object -BucketName pipe -Key $_ -Content $_ }
$r = Get-S3Object -BucketName pipe | Remove-S3Object -Force
@($r).Count
$r.DeletedObjects.Count
@(Get-S3Object -BucketName pipe).Count`);
    expect(errors).toEqual([]);
    expect(output).toEqual([1, 3, 0]);
  });

  it('Get-S3Bucket shows the S3Bucket view: CreationDate and BucketName', async () => {
    const { output, errors } = await run(`Set-DefaultAWSRegion us-east-1
New-S3Bucket view-bucket | Out-Null
Get-S3Bucket | Out-String`);
    expect(errors).toEqual([]);
    const lines = String(output[0]).split('\n').filter((l) => l.trim());
    expect(lines[0]!.trim().split(/\s+/)).toEqual(['CreationDate', 'BucketName']);
    expect(lines[2]).toMatch(/view-bucket$/);
  });

  it('Get-EC2Instance | Stop-EC2Instance, and Instance objects into Start-EC2Instance', async () => {
    const { output, errors } = await run(`Set-DefaultAWSRegion us-east-1
$img = (Get-EC2Image -Owner amazon | Select-Object -First 1).ImageId
$res = New-EC2Instance -ImageId $img -MinCount 2 -MaxCount 2 -InstanceType t2.micro
$res.GetType().FullName
Get-EC2Instance | Stop-EC2Instance -Force | Out-Null
(Get-EC2Instance).Instances | % { $_.State.Name }
(Get-EC2Instance).Instances | Start-EC2Instance -Force | Out-Null
(Get-EC2Instance).Instances | % { $_.State.Name }`);
    expect(errors).toEqual([]);
    expect(output[0]).toBe('Amazon.EC2.Model.Reservation');
    expect(output.slice(1)).toEqual(['stopped', 'stopped', 'running', 'running']);
  });

  it("a downstream command's error passes through Get-S3Object untouched (script-terminating throw)", async () => {
    const consumers = ['% { throw "boom" }', '% { Start-Sleep -Milliseconds 1; throw "boom" }'];
    for (const [i, consumer] of consumers.entries()) {
      const shell = createShell({ host: {} });
      const r = await shell.execute(`Set-DefaultAWSRegion us-east-1
New-S3Bucket thrown-${i} | Out-Null
Write-S3Object -BucketName thrown-${i} -Key a -Content a
Get-S3Object -BucketName thrown-${i} | ${consumer}
'after'`);
      expect(r.output).toEqual([]);
      expect((r.terminatingError as any)?.FullyQualifiedErrorId).toBe('boom');
    }
  });
});
