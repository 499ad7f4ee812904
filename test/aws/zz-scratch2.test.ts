import { it } from 'vitest';
import { defineType } from '../../src/runtime/types/ps-type.js';
it('t', () => {
  const names: string[] = [];
  for (let i = 0; i < 3600; i++) names.push(`Amazon.EC2.Model.SomeShapeName${i}`);
  const text = names.join(',');
  const t0 = performance.now();
  const list = text.split(',');
  for (const n of list) defineType({ fullName: n, get properties() { return []; } } as any);
  console.log('ms', performance.now() - t0);
});
