import { it } from 'vitest';
import * as fs from 'node:fs';
import { createShell } from '../../src/index.js';
import { motoEndpoint, resetMoto } from './moto.js';
it('scratch', async () => {
  const url = await motoEndpoint(); process.env.AWS_ENDPOINT_URL = url; await resetMoto(url);
  process.env.AWS_ACCESS_KEY_ID = 'testing'; process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  const sh = createShell({ host: { error: (r: any) => console.log('ERR', r?.Exception?.Message ?? r) } } as any);
  const text = fs.readFileSync('examples/cloudwatch-metric.ps1', 'utf8').replace('Import-Module AWS.Tools.CloudWatch', 'Get-CWMetricList | Out-Null');
  const r = await sh.execute(text);
  console.log('>>', r.output, (r.terminatingError as any)?.Exception?.Message ?? '');
});
