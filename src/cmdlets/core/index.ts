// All built-in (core) cmdlets and the default alias table.
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { cmdlets as forEachObject } from './foreach-object.js';
import { cmdlets as whereObject } from './where-object.js';
import { cmdlets as selectObject } from './select-object.js';
import { cmdlets as sortObject } from './sort-object.js';
import { cmdlets as groupObject } from './group-object.js';
import { cmdlets as measureObject } from './measure-object.js';
import { cmdlets as compareObject } from './compare-object.js';
import { cmdlets as getUnique } from './get-unique.js';
import { cmdlets as teeObject } from './tee-object.js';
import { cmdlets as writeCmdlets } from './write-cmdlets.js';
import { cmdlets as variableCmdlets } from './variable-cmdlets.js';
import { cmdlets as commandCmdlets } from './command-cmdlets.js';
import { cmdlets as helpCmdlets } from './help.js';
import { cmdlets as locationCmdlets } from './location-cmdlets.js';
import { cmdlets as utilityCmdlets } from './utility-cmdlets.js';
// The formatting engineer's modules (data-cmdlets.ts: enable when it exists).
import { cmdlets as formatCmdlets } from './format-cmdlets.js';
import { cmdlets as dataCmdlets } from './data-cmdlets.js';
import { cmdlets as fileCmdlets } from './file-cmdlets.js';
import { cmdlets as pathCmdlets } from './path-cmdlets.js';
import { cmdlets as contentCmdlets } from './content-cmdlets.js';
import { cmdlets as selectStringCmdlets } from './select-string.js';
import { cmdlets as objectCmdlets } from './object-cmdlets.js';
import { cmdlets as strictModeCmdlets } from './strict-mode.js';
import { cmdlets as moduleCmdlets } from './module-cmdlets.js';
import { pesterCmdlets } from '../pester/index.js';

export { defaultAliases } from './aliases.js';

export const coreCmdlets: CmdletDecl[] = [
  ...forEachObject,
  ...whereObject,
  ...selectObject,
  ...sortObject,
  ...groupObject,
  ...measureObject,
  ...compareObject,
  ...getUnique,
  ...teeObject,
  ...writeCmdlets,
  ...variableCmdlets,
  ...commandCmdlets,
  ...helpCmdlets,
  ...locationCmdlets,
  ...utilityCmdlets,
  ...formatCmdlets,
  ...dataCmdlets,
  ...fileCmdlets,
  ...pathCmdlets,
  ...contentCmdlets,
  ...selectStringCmdlets,
  ...objectCmdlets,
  ...strictModeCmdlets,
  ...moduleCmdlets,
  ...pesterCmdlets,
];
