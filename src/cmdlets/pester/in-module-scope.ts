// InModuleScope: runs test code inside a loaded script module, where its private functions and `$script:` variables
// are visible (Pester 5's semantics: -Parameters become variables too, and are splatted with -ArgumentList).
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { Scope } from '../../runtime/interpreter/scope.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { PSHashtable } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { runInChildScope, sessionOf, setVar, streamsOf } from './exec.js';

const inModuleScopeDecl: CmdletDecl = {
  name: 'InModuleScope',
  module: 'Pester',
  synopsis: 'Allows you to execute parts of a test script within the scope of a PowerShell script module.',
  parameters: [
    { name: 'ModuleName', type: 'string', position: 0, mandatory: true },
    { name: 'ScriptBlock', type: 'scriptblock', position: 1, mandatory: true },
    { name: 'Parameters', type: 'hashtable' },
    { name: 'ArgumentList', type: 'object[]' },
  ],
  end: async (ctx) => {
    const session = sessionOf(ctx);
    const name = toStr(ctx.params.ModuleName);
    const rec = session.modules.get(name.toLowerCase());
    if (!rec) ctx.throwTerminating({ message: `No modules named '${name}' are currently loaded.`, errorId: `No modules named '${name}' are currently loaded.`, category: 'OperationStopped' });
    const given = ctx.params.ScriptBlock as ScriptBlock;
    const sb = new ScriptBlock(given.ast);
    sb.session = given.session;
    sb.moduleScope = rec!.scope;
    // Pester's wrapper scope: the parameters are variables there, so the script block needs no param block.
    const wrapper = new Scope(rec!.scope);
    const named: [string, unknown][] = [];
    const params = ctx.params.Parameters;
    if (params instanceof PSHashtable) {
      for (const [k, v] of params.map.values()) {
        setVar(wrapper, toStr(k), v);
        named.push([toStr(k), v]);
      }
    }
    const positional = (ctx.params.ArgumentList as unknown[] | undefined) ?? [];
    await runInChildScope(session, wrapper, sb, streamsOf(ctx), named, (v) => void ctx.write(v), positional);
  },
};

export const inModuleScopeCmdlets: CmdletDecl[] = [inModuleScopeDecl];
