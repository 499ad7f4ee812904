// Start-up is a feature: running and printing a simple script must not load the builtin type tables (a few
// milliseconds of every `awsh -c`). Formatting a scalar once looked up its views, which loaded them all.
import { describe, it, expect } from 'vitest';
import { createShell } from '../../src/index.js';
import { builtinTypesLoaded } from '../../src/runtime/types/ps-type.js';

describe('work done for a simple script', () => {
  it('prints scalars without loading the builtin type table', async () => {
    const shell = createShell();
    const r = await shell.execute("1+1; 'text'; $true; 2.5; $null");
    expect(shell.format(r.output)).toBe('2\ntext\nTrue\n2.5');
    expect(builtinTypesLoaded()).toBe(false);
  });
});
