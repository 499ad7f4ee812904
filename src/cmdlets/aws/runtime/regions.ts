// Public AWS regions with the display names Get-AWSRegion shows, and region resolution in AWS Tools' order.
import type { CmdletContext } from '../../../runtime/cmdlet-api.js';
import { awsState, envVar } from './session-state.js';
import { readIniIfExists, sharedConfigFile, sharedCredentialsFile } from './ini-file.js';
import { envOf } from './credentials.js';
import { awsError } from './aws-errors.js';

export const publicRegions: [string, string][] = [
  ['af-south-1', 'Africa (Cape Town)'],
  ['ap-east-1', 'Asia Pacific (Hong Kong)'],
  ['ap-east-2', 'Asia Pacific (Taipei)'],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)'],
  ['ap-northeast-2', 'Asia Pacific (Seoul)'],
  ['ap-northeast-3', 'Asia Pacific (Osaka)'],
  ['ap-south-1', 'Asia Pacific (Mumbai)'],
  ['ap-south-2', 'Asia Pacific (Hyderabad)'],
  ['ap-southeast-1', 'Asia Pacific (Singapore)'],
  ['ap-southeast-2', 'Asia Pacific (Sydney)'],
  ['ap-southeast-3', 'Asia Pacific (Jakarta)'],
  ['ap-southeast-4', 'Asia Pacific (Melbourne)'],
  ['ap-southeast-5', 'Asia Pacific (Malaysia)'],
  ['ap-southeast-7', 'Asia Pacific (Thailand)'],
  ['ca-central-1', 'Canada (Central)'],
  ['ca-west-1', 'Canada West (Calgary)'],
  ['eu-central-1', 'Europe (Frankfurt)'],
  ['eu-central-2', 'Europe (Zurich)'],
  ['eu-north-1', 'Europe (Stockholm)'],
  ['eu-south-1', 'Europe (Milan)'],
  ['eu-south-2', 'Europe (Spain)'],
  ['eu-west-1', 'Europe (Ireland)'],
  ['eu-west-2', 'Europe (London)'],
  ['eu-west-3', 'Europe (Paris)'],
  ['il-central-1', 'Israel (Tel Aviv)'],
  ['me-central-1', 'Middle East (UAE)'],
  ['me-south-1', 'Middle East (Bahrain)'],
  ['mx-central-1', 'Mexico (Central)'],
  ['sa-east-1', 'South America (Sao Paulo)'],
  ['us-east-1', 'US East (N. Virginia)'],
  ['us-east-2', 'US East (Ohio)'],
  ['us-west-1', 'US West (N. California)'],
  ['us-west-2', 'US West (Oregon)'],
];
export const chinaRegions: [string, string][] = [
  ['cn-north-1', 'China (Beijing)'],
  ['cn-northwest-1', 'China (Ningxia)'],
];
export const govCloudRegions: [string, string][] = [
  ['us-gov-east-1', 'AWS GovCloud (US-East)'],
  ['us-gov-west-1', 'AWS GovCloud (US-West)'],
];

export function regionDisplayName(systemName: string): string {
  for (const list of [publicRegions, chinaRegions, govCloudRegions]) for (const [r, n] of list) if (r === systemName) return n;
  return 'Unknown';
}

/** A -Region argument: a system name string, an AWSRegion/RegionEndpoint object, or $null. */
export function regionArgument(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const v = o.SystemName ?? o.Region ?? o.systemName;
    if (typeof v === 'string') return v;
  }
  return String(value);
}

export interface RegionInputs {
  Region?: unknown;
  ClientConfig?: { region?: string };
  profileName?: string;
  profileLocation?: string;
}

/** The profile's `region` from the config file (`[profile x]`/`[default]`) or the credentials file. */
function profileRegion(ctx: CmdletContext, name: string, location?: string): string | undefined {
  const env = envOf(ctx);
  const cfg = readIniIfExists(sharedConfigFile(env));
  return (
    cfg.get(name === 'default' ? 'default' : `profile ${name}`, 'region') ??
    cfg.get(name, 'region') ??
    readIniIfExists(location ?? sharedCredentialsFile(env)).get(name, 'region')
  );
}

/** -Region, then ClientConfig, then the shell default, then the profile/config file, then AWS_REGION/AWS_DEFAULT_REGION. */
export function resolveRegion(ctx: CmdletContext, inputs: RegionInputs, servicePrefix: string): string {
  const explicit = regionArgument(inputs.Region);
  if (explicit) return explicit;
  if (inputs.ClientConfig?.region) return inputs.ClientConfig.region;
  const shell = awsState(ctx.session).region;
  if (shell) return shell;
  const profile = inputs.profileName ?? envVar(ctx, 'AWS_PROFILE') ?? 'default';
  const fromProfile = profileRegion(ctx, profile, inputs.profileLocation);
  if (fromProfile) return fromProfile;
  const fromEnv = envVar(ctx, 'AWS_REGION') ?? envVar(ctx, 'AWS_DEFAULT_REGION');
  if (fromEnv) return fromEnv;
  // S3 and IAM are global services: the guide says they use the global endpoint without a region.
  if (servicePrefix === 'S3' || servicePrefix === 'IAM') return 'us-east-1';
  throw awsError(
    'No region specified or obtained from persisted/shell defaults. Specify -Region, run Set-DefaultAWSRegion or ' +
      'Initialize-AWSDefaultConfiguration, add a region to your profile, or set $env:AWS_REGION.',
    'InvalidOperation',
    'System.InvalidOperationException',
  );
}
