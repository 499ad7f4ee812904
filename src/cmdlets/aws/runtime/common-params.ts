// The common parameters of every AWS service cmdlet, with AWS Tools' names and aliases
// (../shared/reference/aws-tools-common-parameters.md).
import type { ParameterDecl } from '../../../runtime/cmdlet-api.js';
import { toClientConfig, clientConfigTypeNames } from './client-config.js';

export const credentialParameters: ParameterDecl[] = [
  { name: 'Region', type: 'object', aliases: ['RegionToCall'], valueFromPipelineByPropertyName: true },
  { name: 'AccessKey', type: 'string', aliases: ['AK'] },
  { name: 'SecretKey', type: 'string', aliases: ['SK', 'SecretAccessKey'] },
  { name: 'SessionToken', type: 'string', aliases: ['ST'] },
  { name: 'ProfileName', type: 'string', aliases: ['StoredCredentials', 'AWSProfileName'] },
  { name: 'ProfileLocation', type: 'string', aliases: ['AWSProfilesLocation', 'ProfilesLocation'] },
  { name: 'Credential', type: 'object' },
  { name: 'NetworkCredential', type: 'object' },
];

const perService = new Map<string, ParameterDecl[]>();

/** Common parameters for a service cmdlet (shared arrays: built once per service). */
export function serviceCommonParameters(prefix: string): ParameterDecl[] {
  let list = perService.get(prefix);
  if (!list) {
    list = [
      ...credentialParameters,
      { name: 'EndpointUrl', type: 'string' },
      { name: 'ClientConfig', type: toClientConfig(prefix, clientConfigTypeNames[prefix] ?? 'Amazon.Runtime.ClientConfig'), plainCmdletType: true },
      { name: 'Select', type: 'string' },
      { name: 'Force', type: 'switch' },
      { name: 'NoAutoIteration', type: 'switch' },
    ];
    perService.set(prefix, list);
  }
  return list;
}

export const passThruParameter: ParameterDecl = { name: 'PassThru', type: 'switch' };

export const commonParameterNames = new Set(
  [...credentialParameters.map((p) => p.name), 'EndpointUrl', 'ClientConfig', 'Select', 'Force', 'NoAutoIteration', 'PassThru'].map((n) => n.toLowerCase()),
);
