import { it } from 'vitest';
import { createShell } from '../../src/index.js';
it('probe', async () => {
  const sh = createShell({});
  const r = await sh.execute('$x = 1..3 | % { $_ * 2 }; $x; $env:HOME');
  console.log(r.output, sh.format(r.output));
});
