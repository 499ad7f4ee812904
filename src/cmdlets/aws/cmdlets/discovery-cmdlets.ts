// AWS.Tools.Common discovery cmdlets, built from the same generated table the cmdlets come from.
import type { CmdletDecl } from '../../../runtime/cmdlet-api.js';
import { cmdletRows, serviceInfo } from '../generated/cmdlets.js';
import { PSObject } from '../../../runtime/values/objects.js';

const M = 'AWS.Tools.Common';
export const awshAwsToolsVersion = '4.1.0';
const sdkVersion = '3.0';

function obj(typeName: string, entries: [string, unknown][]): PSObject {
  const o = PSObject.fromEntries(entries);
  o.typeNames = [typeName, 'System.Object'];
  return o;
}

/** The name AWS Tools shows (the guide's "Amazon Elastic Compute Cloud"), without the "(EC2)" of its help text. */
const displayName = (prefix: string): string => serviceInfo[prefix]!.name.replace(/ \([^)]*\)$/, '');

/** The service name a user passes to -Service: the prefix, or part of the service's name. */
function matchesService(prefix: string, filter: string): boolean {
  const f = filter.toLowerCase();
  const info = serviceInfo[prefix];
  return prefix.toLowerCase() === f || (!!info && (info.name.toLowerCase().includes(f) || info.module.toLowerCase().includes(f)));
}

export const getAwsService: CmdletDecl = {
  name: 'Get-AWSService',
  module: M,
  parameters: [{ name: 'Service', type: 'string', position: 0 }],
  process: (ctx) => {
    for (const [prefix, info] of Object.entries(serviceInfo)) {
      if (ctx.params.Service && !matchesService(prefix, ctx.params.Service)) continue;
      ctx.write(
        obj('Amazon.PowerShell.Common.AWSServiceInfo', [
          // the guide: `Service : ACMPCA`, `ModuleName : AWS.Tools.ACMPCA`
          ['Service', info.module.replace(/^AWS\.Tools\./, '')],
          ['CmdletNounPrefix', prefix],
          ['ModuleName', info.module],
          ['SDKAssemblyVersion', sdkVersion],
          ['ServiceName', displayName(prefix)],
        ]),
      );
    }
  },
};

export const getAwsCmdletName: CmdletDecl = {
  name: 'Get-AWSCmdletName',
  module: M,
  defaultParameterSet: 'ByApiOperationOrCmdletName',
  parameters: [
    { name: 'ApiOperation', type: 'string', position: 0, parameterSets: ['ByApiOperationOrCmdletName'], valueFromPipelineByPropertyName: true },
    { name: 'CmdletName', type: 'string', parameterSets: ['ByApiOperationOrCmdletName'] },
    { name: 'Service', type: 'string', parameterSets: ['ByApiOperationOrCmdletName'] },
    { name: 'MatchWithRegex', type: 'switch', parameterSets: ['ByApiOperationOrCmdletName'] },
    { name: 'AwsCliCommand', type: 'string', parameterSets: ['ByAwsCliCommand'], mandatory: ['ByAwsCliCommand'] },
  ],
  process: (ctx) => {
    const p = ctx.params;
    let opFilter: ((op: string) => boolean) | null = null;
    let svcFilter: string | null = p.Service ?? null;
    if (p.AwsCliCommand) {
      const parts = String(p.AwsCliCommand).trim().split(/\s+/).filter((w) => w !== 'aws');
      const cliService = (parts[0] ?? '').toLowerCase();
      const cliOp = (parts[1] ?? '').replace(/-/g, '').toLowerCase();
      svcFilter = { s3api: 'S3', s3: 'S3', ec2: 'EC2', sqs: 'SQS', sns: 'SNS', sts: 'STS', iam: 'IAM', cloudwatch: 'CW' }[cliService] ?? cliService;
      opFilter = (op) => op.toLowerCase() === cliOp;
    } else if (p.ApiOperation) {
      const a = String(p.ApiOperation);
      if (p.MatchWithRegex) {
        const re = new RegExp(a, 'i');
        opFilter = (op) => re.test(op);
      } else opFilter = (op) => op.toLowerCase() === a.toLowerCase();
    }
    const nameFilter = p.CmdletName ? String(p.CmdletName).toLowerCase() : null;
    // Listed by service, then by cmdlet name (the guide's -MatchWithRegex listing).
    const rows = [...cmdletRows].sort((a, b) => (a[1] === b[1] ? a[0].toLowerCase().localeCompare(b[0].toLowerCase()) : a[1] < b[1] ? -1 : 1));
    for (const [name, prefix, op] of rows) {
      if (!op || !serviceInfo[prefix]) continue;
      if (svcFilter && !matchesService(prefix, svcFilter)) continue;
      if (opFilter && !opFilter(op)) continue;
      if (nameFilter && (p.MatchWithRegex ? !new RegExp(nameFilter, 'i').test(name) : name.toLowerCase() !== nameFilter)) continue;
      ctx.write(
        obj('Amazon.PowerShell.Common.CmdletInfo', [
          ['CmdletName', name],
          ['ServiceOperation', op],
          ['ServiceName', displayName(prefix)],
          ['CmdletNounPrefix', prefix],
        ]),
      );
    }
  },
};

export const getAwsPowerShellVersion: CmdletDecl = {
  name: 'Get-AWSPowerShellVersion',
  module: M,
  parameters: [{ name: 'ListServiceVersionInfo', type: 'switch' }],
  process: (ctx) => {
    if (ctx.params.ListServiceVersionInfo) {
      for (const [prefix, info] of Object.entries(serviceInfo)) {
        ctx.write(obj('Amazon.PowerShell.Common.ServiceVersionInfo', [
          ['Service', info.name], ['Noun Prefix', prefix], ['Module Name', info.module], ['SDK Assembly Version', sdkVersion],
        ]));
      }
      return;
    }
    ctx.write(
      `AWS Tools for PowerShell (awsh)\nVersion ${awshAwsToolsVersion}\nCopyright 2012-2025 Amazon.com, Inc. or its affiliates. All Rights Reserved.\n\n` +
        'Amazon Web Services SDK for JavaScript v3\nPowerShell 7 compatible (awsh)',
    );
  },
};

export const discoveryCmdlets = [getAwsService, getAwsCmdletName, getAwsPowerShellVersion];
