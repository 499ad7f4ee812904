import { it } from 'vitest';
import { createShell } from '../../src/index.js';
it('scratch', async () => {
const sh = createShell({ host: { error: (r: any) => console.log("ERR", r?.Exception?.Message ?? r), warning: (m: any) => console.log("WARN", m) } } as any);
for (const s of ['1+1', '$x = @{a=1}; $x.a', '$f = New-Object Amazon.EC2.Model.Filter; $f.GetType().FullName', '[Amazon.EC2.Model.Filter]@{Name="vpc-id";Values="vpc-1"}', '"a","b" | ForEach-Object { $_ + "x" }', 'Get-Command Get-S3Bucket | % Name']) {
  const r = await sh.execute(s);
  console.log(JSON.stringify(s), r.output, (r.terminatingError as any)?.Exception?.Message);
}
});
