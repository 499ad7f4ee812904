// The AWS cmdlets and aliases. Cheap to import: declarations come from the generated table; no SDK module
// is loaded until a cmdlet runs, and a cmdlet's parameters are parsed only when first read.
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { cmdletRows } from './generated/cmdlets.js';
import { aliasTable } from './generated/aliases.js';
import { serviceCmdlet, serviceModuleNames } from './runtime/service-cmdlet.js';
import { cmdletClassName } from './runtime/aws-errors.js';
import { newS3Bucket, removeS3Bucket } from './cmdlets/s3-buckets.js';
import { credentialCmdlets } from './cmdlets/credential-cmdlets.js';
import { regionHistoryCmdlets } from './cmdlets/region-history-cmdlets.js';
import { discoveryCmdlets } from './cmdlets/discovery-cmdlets.js';
import { writeS3Object, readS3Object, copyS3Object } from './cmdlets/s3-transfer.js';
import { removeS3Object, testS3Bucket, getS3PreSignedUrl, getS3MultipartUpload, removeS3MultipartUpload } from './cmdlets/s3-objects.js';
import { getEC2ImageByName, getEC2PasswordData, getEC2InstanceMetadata, useSTSWebIdentityRole, useSTSRoleWithSAML } from './cmdlets/ec2-sts-hand-written.js';
import { installAwsTypeResolver } from './model/model-types.js';
import { registerAwsViews } from './model/views.js';

const handWritten: CmdletDecl[] = [
  newS3Bucket, removeS3Bucket, ...credentialCmdlets, ...regionHistoryCmdlets, ...discoveryCmdlets,
  writeS3Object, readS3Object, copyS3Object, removeS3Object, testS3Bucket, getS3PreSignedUrl, getS3MultipartUpload, removeS3MultipartUpload,
  getEC2ImageByName, getEC2PasswordData, getEC2InstanceMetadata, useSTSWebIdentityRole, useSTSRoleWithSAML,
];

// Both only record functions/entries: no SDK is loaded until a script names an Amazon.* type or formats one.
installAwsTypeResolver();
registerAwsViews();

/** Hand-written cmdlets' .NET classes: Amazon.PowerShell.Common.XCmdlet, Amazon.PowerShell.Cmdlets.<prefix>.XCmdlet. */
function withClassName(d: CmdletDecl): CmdletDecl {
  if (d.className) return d;
  const prefix = Object.entries(serviceModuleNames).find(([, m]) => m === d.module)?.[0];
  d.className = !prefix || prefix === 'Common' ? `Amazon.PowerShell.Common.${d.name.replace('-', '')}Cmdlet` : cmdletClassName(d.name, prefix);
  return d;
}

function build(): CmdletDecl[] {
  const out: CmdletDecl[] = handWritten.map(withClassName);
  for (const row of cmdletRows) if (row[5] === 'g' && row[2]) out.push(serviceCmdlet(row));
  return out;
}

export const awsCmdlets: CmdletDecl[] = build();

export const awsAliases: Record<string, string> = (() => {
  const names = new Set<string>();
  for (const c of awsCmdlets) names.add(c.name.toLowerCase());
  const out: Record<string, string> = {};
  for (const alias in aliasTable) {
    const target = aliasTable[alias]!;
    if (names.has(target.toLowerCase())) out[alias] = target;
  }
  return out;
})();

export { setAwsShellDefaults } from './runtime/session-state.js';
