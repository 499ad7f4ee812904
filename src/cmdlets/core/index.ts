// The built-in (core) cmdlets loaded at start-up, and the default alias table. The rest load on first use:
// see lazy-sets.ts.
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { cmdlets as forEachObject } from './foreach-object.js';
import { cmdlets as whereObject } from './where-object.js';
import { cmdlets as selectObject } from './select-object.js';
import { cmdlets as sortObject } from './sort-object.js';
import { cmdlets as groupObject } from './group-object.js';
import { cmdlets as measureObject } from './measure-object.js';
import { cmdlets as writeCmdlets } from './write-cmdlets.js';
import { cmdlets as variableCmdlets } from './variable-cmdlets.js';
import { cmdlets as commandCmdlets } from './command-cmdlets.js';
import { cmdlets as utilityCmdlets } from './utility-cmdlets.js';
import { cmdlets as formatCmdlets } from './format-cmdlets.js';

export { defaultAliases } from './aliases.js';
export { lazyCommandSets } from './lazy-sets.js';

export const coreCmdlets: CmdletDecl[] = [
  ...forEachObject,
  ...whereObject,
  ...selectObject,
  ...sortObject,
  ...groupObject,
  ...measureObject,
  ...writeCmdlets,
  ...variableCmdlets,
  ...commandCmdlets,
  ...utilityCmdlets,
  ...formatCmdlets,
];
