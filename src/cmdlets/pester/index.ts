// The built-in Pester module: Describe/Context/It, setup blocks, Should, Mock, Invoke-Pester, and the hosting API
// types test suites use ([powershell]::Create(), [scriptblock]::Create, [Parser]::ParseInput; installed with the
// builtin types, see core/lazy-sets.ts, since scripts use them without Pester).
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { blockCmdlets } from './blocks.js';
import { shouldCmdlets } from './should.js';
import { mockCmdlets } from './mock.js';
import { invokePesterCmdlets } from './invoke-pester.js';
import { inModuleScopeCmdlets } from './in-module-scope.js';
import { mockObjectCmdlets } from './mock-object.js';
import { definePesterConfigurationType } from './config.js';

definePesterConfigurationType();

export const pesterCmdlets: CmdletDecl[] = [...blockCmdlets, ...shouldCmdlets, ...mockCmdlets, ...invokePesterCmdlets, ...inModuleScopeCmdlets, ...mockObjectCmdlets];
