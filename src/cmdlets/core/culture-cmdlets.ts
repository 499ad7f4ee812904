// Get-Culture and Get-UICulture: awsh's culture is en-US (see runtime/types/culture.ts).
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { currentCulture, toCulture } from '../../runtime/types/culture.js';
import { DotNetError } from '../../runtime/types/method-errors.js';
import { UTILITY_MODULE } from './util.js';

const getCulture: CmdletDecl = {
  name: 'Get-Culture',
  module: UTILITY_MODULE,
  synopsis: 'Gets the current culture set in the operating system.',
  outputType: ['System.Globalization.CultureInfo'],
  defaultParameterSet: 'CurrentCulture',
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, valueFromPipeline: true, parameterSets: ['Name'] },
    { name: 'ListAvailable', type: 'switch', parameterSets: ['ListAvailable'] },
    { name: 'NoUserOverrides', type: 'switch', parameterSets: ['Name'] },
  ],
  process(ctx) {
    if (!ctx.isBound('Name')) return ctx.write(currentCulture());
    for (const n of (ctx.params.Name as string[] | null) ?? []) {
      try {
        ctx.write(toCulture(n ?? ''));
      } catch (e) {
        if (!(e instanceof DotNetError)) throw e;
        ctx.writeError({ message: e.message, errorId: 'ItemNotFoundException', category: 'ObjectNotFound', exceptionType: e.typeName, targetObject: n });
      }
    }
  },
};

const getUICulture: CmdletDecl = {
  name: 'Get-UICulture',
  module: UTILITY_MODULE,
  synopsis: 'Gets the current UI culture settings in the operating system.',
  outputType: ['System.Globalization.CultureInfo'],
  parameters: [],
  process(ctx) {
    ctx.write(currentCulture());
  },
};

export const cmdlets: CmdletDecl[] = [getCulture, getUICulture];
