// Calls generated cmdlets by their service operation (through the CmdletDecl, as the interpreter would),
// recording which operations succeeded against moto.
import { expect } from 'vitest';
import { awsCmdlets } from '../../src/cmdlets/aws/index.js';
import { cmdletRows } from '../../src/cmdlets/aws/generated/cmdlets.js';
import type { CmdletDecl } from '../../src/runtime/cmdlet-api.js';
import { fakeShell, runCmdlet, type FakeShell } from './fake-context.js';
import { testKeys } from './helpers.js';

const byName = new Map(awsCmdlets.map((c) => [c.name.toLowerCase(), c]));

/** The generated cmdlet for a service operation. */
export function cmdletForOp(prefix: string, op: string): CmdletDecl {
  const row = cmdletRows.find((r) => r[1] === prefix && r[2] === op && r[5] === 'g');
  if (!row) throw new Error(`no generated cmdlet for ${prefix} ${op}`);
  return byName.get(row[0].toLowerCase())!;
}

export class OpRunner {
  readonly shell: FakeShell = fakeShell();
  readonly ok = new Set<string>();
  readonly failures: string[] = [];
  constructor(readonly prefix: string) {}

  /** Runs the operation's cmdlet with `params` (plus test keys/region); returns its output, recording failure text. */
  async op(op: string, params: Record<string, unknown> = {}, select?: string): Promise<any[]> {
    const decl = cmdletForOp(this.prefix, op);
    const all: Record<string, unknown> = { ...testKeys, Region: 'us-east-1', Force: true, ...params };
    if (select) all.Select = select;
    // Only declared parameters may be passed, by their declared name (the binder would reject others).
    for (const k of Object.keys(all)) {
      const d = decl.parameters.find((p) => p.name === k);
      if (!d) this.failures.push(`${decl.name}: no parameter -${k}`);
      // A converter function is applied by the binder.
      else if (typeof d.type === 'function') all[k] = d.type(all[k]);
    }
    const r = await runCmdlet(this.shell, decl, all);
    if (r.error) this.failures.push(`${decl.name} (${op}): ${r.error.Exception?.Message ?? String(r.error)}`);
    else this.ok.add(op);
    return r.output;
  }

  expectAtLeast(n: number): void {
    expect(this.failures).toEqual([]);
    expect(this.ok.size).toBeGreaterThanOrEqual(n);
  }
}
