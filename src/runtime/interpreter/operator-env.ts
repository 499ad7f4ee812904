// The environment operators need from the interpreter: where -match puts $Matches, and how -replace runs a script block.
import type { OperatorEnv } from '../values/operators.js';
import type { PSHashtable } from '../values/objects.js';
import type { Frame } from './frame.js';
import { setInScope } from './variables.js';
import { invokeScriptBlockMaybe, ScriptBlock } from './scriptblock.js';
import { toStr } from '../values/convert.js';

const detached: OperatorEnv = {
  setMatches() {},
  ofs: () => ' ',
  invokeScriptBlock: (sb, dollarUnder, args) => invokeScriptBlockMaybe(sb as ScriptBlock, { dollarUnder, args }),
};

/** Operator environment for frame f ($Matches goes to f's scope). Without a frame, $Matches is not set. */
export function operatorEnv(f?: Frame): OperatorEnv {
  if (!f) return detached;
  return {
    setMatches(m: PSHashtable | null) {
      setInScope(f.scope, 'matches', 'Matches', m);
    },
    ofs() {
      const v = f.scope.lookup('ofs');
      return v === undefined || v.value === null ? ' ' : toStr(v.value);
    },
    invokeScriptBlock(sb: unknown, dollarUnder: unknown, args?: unknown[]) {
      const out = invokeScriptBlockMaybe(sb as ScriptBlock, { dollarUnder, args });
      return out instanceof Promise ? out.then(unwrapped) : unwrapped(out);
    },
  };
}

function unwrapped(out: unknown[]): unknown {
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}
