// New-ModuleManifest: writes a .psd1 manifest (one hashtable literal) that Import-Module reads back.
import { writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { toStr } from '../../runtime/values/convert.js';
import { CORE_MODULE, isPromise } from './util.js';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

function literal(v: unknown): string {
  if (Array.isArray(v)) return v.length === 1 ? quote(toStr(v[0])) : `@(${v.map((x) => quote(toStr(x))).join(', ')})`;
  return quote(toStr(v));
}

/** Manifest keys in the order pwsh writes them; the export lists default to '*' as pwsh's do. */
const KEYS: [name: string, defaultValue: unknown][] = [
  ['RootModule', null], ['ModuleVersion', '0.0.1'], ['CompatiblePSEditions', null], ['GUID', null], ['Author', null],
  ['CompanyName', 'Unknown'], ['Copyright', null], ['Description', null], ['PowerShellVersion', null],
  ['RequiredModules', null], ['RequiredAssemblies', null], ['ScriptsToProcess', null], ['TypesToProcess', null],
  ['FormatsToProcess', null], ['NestedModules', null], ['FunctionsToExport', '*'], ['CmdletsToExport', '*'],
  ['VariablesToExport', '*'], ['AliasesToExport', '*'],
];

const newModuleManifest: CmdletDecl = {
  name: 'New-ModuleManifest',
  module: CORE_MODULE,
  synopsis: 'Creates a new module manifest.',
  description: 'The New-ModuleManifest cmdlet creates a module manifest (.psd1) file with the values you specify.',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Path', type: 'string', position: 0, mandatory: true },
    ...KEYS.filter(([k]) => k !== 'ModuleVersion').map(([name]) => ({
      name,
      type: /s$|Export|Editions/.test(name) && name !== 'Description' ? 'string[]' : 'string',
      ...(name === 'RootModule' ? { aliases: ['ModuleToProcess'] } : {}),
    })),
    { name: 'ModuleVersion', type: 'string' },
    { name: 'PassThru', type: 'switch' },
  ],
  end(ctx) {
    const path = ctx.resolvePath(String(ctx.params.Path));
    const name = nodePath.basename(path);
    if (!/\.psd1$/i.test(name)) {
      ctx.throwTerminating({
        message: `The module manifest file name '${path}' is not valid. Specify a file name that has the .psd1 extension.`,
        errorId: 'Modules_InvalidManifestExtension,Microsoft.PowerShell.Commands.NewModuleManifestCommand',
        category: 'InvalidArgument',
        exceptionType: 'System.ArgumentException',
        targetObject: path,
      });
    }
    const values = new Map<string, unknown>(KEYS);
    values.set('GUID', globalThis.crypto.randomUUID());
    values.set('Author', process.env.USER ?? process.env.USERNAME ?? 'Unknown');
    values.set('Copyright', `(c) ${values.get('Author')}. All rights reserved.`);
    for (const [k] of KEYS) if (ctx.isBound(k)) values.set(k, ctx.params[k]);
    const lines = ['#', `# Module manifest for module '${name.replace(/\.psd1$/i, '')}'`, '#', '', '@{', ''];
    for (const [k] of KEYS) {
      const v = values.get(k);
      if (v !== null && v !== undefined) lines.push(`${k} = ${literal(v)}`, '');
    }
    lines.push('}', '');
    const text = lines.join('\n');
    const create = (ok: boolean) => {
      if (!ok) return;
      writeFileSync(path, text);
      // -PassThru also writes the manifest text to the pipeline.
      if (ctx.params.PassThru) return ctx.write(text);
    };
    const ok = ctx.shouldProcess(path, 'Create module manifest');
    return isPromise(ok) ? ok.then(create) : create(ok);
  },
};

export const cmdlets: CmdletDecl[] = [newModuleManifest];
