// AWS.Tools.Common region and $AWSHistory cmdlets.
import type { CmdletDecl } from '../../../runtime/cmdlet-api.js';
import { awsState, setGlobal } from '../runtime/session-state.js';
import { publicRegions, chinaRegions, govCloudRegions, regionDisplayName, regionArgument } from '../runtime/regions.js';
import { TYPE_NAME } from '../runtime/credentials-value.js';
import { toJsNumber } from '../../../runtime/values/numbers.js';

const M = 'AWS.Tools.Common';

/** Amazon.Powershell.Common.AWSRegion: Region, Name, IsShellDefault (plus Partition). */
export function awsRegion(systemName: string, shellDefault: string | null): Record<string, unknown> {
  const o: Record<string, unknown> = { Region: systemName, Name: regionDisplayName(systemName), IsShellDefault: systemName === shellDefault };
  Object.defineProperty(o, TYPE_NAME, { value: 'Amazon.Powershell.Common.AWSRegion', enumerable: false });
  Object.defineProperty(o, 'toString', { value: () => systemName, enumerable: false });
  return o;
}

export const setDefaultAwsRegion: CmdletDecl = {
  name: 'Set-DefaultAWSRegion',
  module: M,
  parameters: [
    { name: 'Region', type: 'object', aliases: ['RegionToCall'], mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'Scope', type: 'string' },
  ],
  process: (ctx) => {
    const region = regionArgument(ctx.params.Region);
    awsState(ctx.session).region = region ?? null;
    setGlobal(ctx, 'StoredAWSRegion', region ?? null);
  },
};

export const getDefaultAwsRegion: CmdletDecl = {
  name: 'Get-DefaultAWSRegion',
  module: M,
  parameters: [],
  process: (ctx) => {
    const r = awsState(ctx.session).region;
    if (r) return ctx.write(awsRegion(r, r));
  },
};

export const clearDefaultAwsRegion: CmdletDecl = {
  name: 'Clear-DefaultAWSRegion',
  module: M,
  parameters: [{ name: 'Scope', type: 'string' }],
  process: (ctx) => {
    awsState(ctx.session).region = null;
    setGlobal(ctx, 'StoredAWSRegion', null);
  },
};

export const getAwsRegion: CmdletDecl = {
  name: 'Get-AWSRegion',
  module: M,
  parameters: [
    { name: 'SystemName', type: 'string', position: 0, valueFromPipelineByPropertyName: true },
    { name: 'IncludeChina', type: 'switch' },
    { name: 'IncludeGovCloud', type: 'switch' },
  ],
  process: (ctx) => {
    const p = ctx.params;
    const shell = awsState(ctx.session).region;
    const list = [...publicRegions, ...(p.IncludeChina ? chinaRegions : []), ...(p.IncludeGovCloud ? govCloudRegions : [])].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    if (p.SystemName) {
      ctx.write(awsRegion(p.SystemName, shell));
      return;
    }
    for (const [r] of list) ctx.write(awsRegion(r, shell));
  },
};

export const setAwsHistoryConfiguration: CmdletDecl = {
  name: 'Set-AWSHistoryConfiguration',
  module: M,
  parameters: [
    { name: 'MaxCmdletHistory', type: 'int', position: 0 },
    { name: 'MaxServiceCallHistory', type: 'int', position: 1 },
    { name: 'RecordServiceRequests', type: 'switch' },
    { name: 'IncludeSensitiveData', type: 'switch' },
  ],
  process: (ctx) => {
    const p = ctx.params;
    const h = awsState(ctx.session).history;
    if (p.MaxServiceCallHistory !== undefined && toJsNumber(p.MaxServiceCallHistory) <= 0) {
      ctx.throwTerminating({ message: 'MaxServiceCallHistory must be greater than 0.', errorId: 'ArgumentOutOfRange', category: 'InvalidArgument', exceptionType: 'System.ArgumentOutOfRangeException' });
    }
    // The two switches are re-applied on every call: leaving them out turns them off.
    h.configure({
      ...(p.MaxCmdletHistory !== undefined ? { maxCmdletHistory: Math.max(0, toJsNumber(p.MaxCmdletHistory)) } : {}),
      ...(p.MaxServiceCallHistory !== undefined ? { maxServiceCallHistory: toJsNumber(p.MaxServiceCallHistory) } : {}),
      recordServiceRequests: !!p.RecordServiceRequests,
      includeSensitiveData: !!p.IncludeSensitiveData,
    });
  },
};

export const clearAwsHistory: CmdletDecl = {
  name: 'Clear-AWSHistory',
  module: M,
  parameters: [],
  process: (ctx) => {
    awsState(ctx.session).history.clear();
  },
};

export const regionHistoryCmdlets = [setDefaultAwsRegion, getDefaultAwsRegion, clearDefaultAwsRegion, getAwsRegion, setAwsHistoryConfiguration, clearAwsHistory];
