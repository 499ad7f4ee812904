// The modules that ship with awsh: importing or requiring them always succeeds (their commands are built in).

export const AWS_MODULES = [
  'AWS.Tools.Common', 'AWS.Tools.S3', 'AWS.Tools.EC2', 'AWS.Tools.SQS', 'AWS.Tools.SimpleNotificationService',
  'AWS.Tools.SecurityToken', 'AWS.Tools.IdentityManagement', 'AWS.Tools.CloudWatch', 'AWSPowerShell.NetCore', 'AWSPowerShell',
];

export const BUILT_IN_MODULES = [
  'Microsoft.PowerShell.Core', 'Microsoft.PowerShell.Utility', 'Microsoft.PowerShell.Management', 'Microsoft.PowerShell.Security',
  'Microsoft.PowerShell.Host', 'Pester', 'PSReadLine',
];

/** Whether a module of this name ships with awsh (for Import-Module and `#requires -Modules`). */
export function isBuiltInModule(name: string): boolean {
  const n = name.toLowerCase();
  return AWS_MODULES.some((m) => m.toLowerCase() === n) || BUILT_IN_MODULES.some((m) => m.toLowerCase() === n);
}
