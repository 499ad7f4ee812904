// Real AWS cmdlets (async, and loaded lazily on first use) inside a switch body and a class method.
import { describe, it, expect } from 'vitest';
import { runScript as run, useMoto, useTestingKeys } from './helpers.js';

useMoto();
useTestingKeys();

describe('AWS cmdlets in async contexts', () => {
  it('runs in switch bodies and conditions, the first use loading the AWS commands', async () => {
    const { output, errors } = await run(`switch ('make', 'list', 'other') {
  'make' { Set-DefaultAWSRegion us-east-1; New-S3Bucket -BucketName async-switch | Out-Null; 'made' }
  { $_ -eq 'list' -and @(Get-S3Bucket).Count -gt 0 } { (Get-S3Bucket | Where-Object BucketName -eq 'async-switch').BucketName; continue }
  default { "default $_" }
}`);
    expect(errors).toEqual([]);
    expect(output).toEqual(['made', 'async-switch', 'default other']);
  });

  it('runs in class methods and constructors', async () => {
    const { output, errors } = await run(`Set-DefaultAWSRegion us-east-1
class Store {
  [string] $Bucket
  Store([string] $name) { $this.Bucket = (New-S3Bucket -BucketName $name).BucketName }
  [void] Put([string] $key, [string] $text) { Write-S3Object -BucketName $this.Bucket -Key $key -Content $text }
  [string[]] Keys() { return @(Get-S3Object -BucketName $this.Bucket | ForEach-Object Key) }
}
$s = [Store]::new('async-class')
$s.Bucket
$null = $s.Put('a.txt', 'A'); $null = $s.Put('b.txt', 'B')
$s.Keys() -join ','`);
    expect(errors).toEqual([]);
    expect(output).toEqual(['async-class', 'a.txt,b.txt']);
  });
});
