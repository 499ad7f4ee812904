// Update-FormatData: loads the views of *.format.ps1xml files (table, list and wide controls) so that
// Out-Default uses them for their types and Format-* -View can name them.
import * as fs from 'node:fs';
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { readFormatViews, FormatXmlError } from '../../runtime/format/format-xml.js';
import { registerNamedView, nextFormatLoad } from '../../runtime/format/views.js';
import { ensureBuiltinViews } from '../../runtime/format/index.js';
import { UTILITY_MODULE } from './util.js';

const updateFormatData: CmdletDecl = {
  name: 'Update-FormatData',
  module: UTILITY_MODULE,
  synopsis: 'Updates the formatting data in the current session.',
  parameters: [
    { name: 'AppendPath', type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, aliases: ['PSPath', 'Path'] },
    { name: 'PrependPath', type: 'string[]', valueFromPipelineByPropertyName: true },
  ],
  process(ctx) {
    // Built-in views first, so an appended view never displaces them.
    ensureBuiltinViews();
    const loadId = nextFormatLoad();
    const load = (paths: unknown, prepend: boolean) => {
      for (const raw of (paths as string[] | null) ?? []) {
        const file = ctx.resolvePath(String(raw).replace(/^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i, ''));
        let text: string;
        try {
          text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
        } catch {
          ctx.writeError({
            message: `Cannot find path '${file}' because it does not exist.`,
            errorId: 'FormatXmlUpdateException',
            category: 'InvalidOperation',
            exceptionType: 'System.Management.Automation.RuntimeException',
            targetObject: file,
          });
          continue;
        }
        let views;
        try {
          views = readFormatViews(text);
        } catch (e) {
          if (!(e instanceof FormatXmlError)) throw e;
          ctx.writeError({
            message: `${file} : ${e.message}`,
            errorId: 'FormatXmlUpdateException',
            category: 'InvalidOperation',
            exceptionType: 'System.Management.Automation.RuntimeException',
            targetObject: file,
          });
          continue;
        }
        for (const v of views) for (const t of v.typeNames) registerNamedView(t, v.name, v.view, prepend, loadId);
      }
    };
    load(ctx.params.AppendPath, false);
    load(ctx.params.PrependPath, true);
  },
};

export const cmdlets: CmdletDecl[] = [updateFormatData];
