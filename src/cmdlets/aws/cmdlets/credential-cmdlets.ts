// AWS.Tools.Common credential and default-configuration cmdlets.
import type { CmdletContext, CmdletDecl, ParameterDecl } from '../../../runtime/cmdlet-api.js';
import { AwsCredentialsValue, TYPE_NAME } from '../runtime/credentials-value.js';
import { awsState, setGlobal } from '../runtime/session-state.js';
import { resolveCredentials, profileExists, profileProvider, envOf, loadProviders } from '../runtime/credentials.js';
import { readIniIfExists, sharedConfigFile, sharedCredentialsFile, updateIniFile, IniFormatError } from '../runtime/ini-file.js';
import { regionArgument } from '../runtime/regions.js';
import { toAwsErrorRecord, awsError } from '../runtime/aws-errors.js';
import { PSObject } from '../../../runtime/values/objects.js';

const M = 'AWS.Tools.Common';
const profileLocation: ParameterDecl = { name: 'ProfileLocation', type: 'string', aliases: ['AWSProfilesLocation', 'ProfilesLocation'] };
const fullCredentialParams: ParameterDecl[] = [
  { name: 'AccessKey', type: 'string', aliases: ['AK'], parameterSets: ['BasicOrSessionSet'], mandatory: ['BasicOrSessionSet'] },
  { name: 'SecretKey', type: 'string', aliases: ['SK', 'SecretAccessKey'], parameterSets: ['BasicOrSessionSet'], mandatory: ['BasicOrSessionSet'] },
  { name: 'SessionToken', type: 'string', aliases: ['ST'], parameterSets: ['BasicOrSessionSet'] },
  { name: 'RoleArn', type: 'string', parameterSets: ['AssumeRoleSet'], mandatory: ['AssumeRoleSet'] },
  { name: 'SourceProfile', type: 'string', parameterSets: ['AssumeRoleSet'], mandatory: ['AssumeRoleSet'] },
  { name: 'ExternalID', type: 'string', parameterSets: ['AssumeRoleSet'] },
  { name: 'MfaSerial', type: 'string', parameterSets: ['AssumeRoleSet'] },
  { name: 'ProfileName', type: 'string', aliases: ['StoredCredentials', 'AWSProfileName'], parameterSets: ['StoredProfileSet'], position: 0 },
  { name: 'NetworkCredential', type: 'object', parameterSets: ['StoredProfileSet'] },
  { name: 'Credential', type: 'object', parameterSets: ['AWSCredentialsObjectSet'], mandatory: ['AWSCredentialsObjectSet'] },
  profileLocation,
];

/** Wraps a cmdlet body so failures become AWS-style terminating errors, never JS stacks. */
function guarded(name: string, body: (ctx: CmdletContext) => Promise<void> | void) {
  return async (ctx: CmdletContext) => {
    try {
      await body(ctx);
    } catch (e) {
      if (e instanceof IniFormatError) ctx.throwTerminating(toAwsErrorRecord(awsError(e.message, 'InvalidData', 'System.IO.InvalidDataException'), name, 'Common', null));
      ctx.throwTerminating(toAwsErrorRecord(e, name, 'Common', null));
    }
  };
}

/** Builds credentials from the bound parameters (keys, role, profile or object). */
async function credentialsFromParams(ctx: CmdletContext): Promise<AwsCredentialsValue> {
  const p = ctx.params;
  if (p.AccessKey) return AwsCredentialsValue.fromKeys(p.AccessKey, p.SecretKey, p.SessionToken);
  if (p.Credential) {
    const r = await resolveCredentials(ctx, { Credential: p.Credential });
    return p.Credential instanceof AwsCredentialsValue ? p.Credential : new AwsCredentialsValue('Amazon.Runtime.SessionAWSCredentials', r.provider, r.identity);
  }
  if (p.RoleArn) {
    const { fromTemporaryCredentials } = await loadProviders();
    const source = await profileProvider(ctx, p.SourceProfile, p.ProfileLocation ? ctx.resolvePath(p.ProfileLocation) : undefined);
    const provider = fromTemporaryCredentials({
      masterCredentials: source,
      params: { RoleArn: p.RoleArn, RoleSessionName: `aws-powershell-${Date.now()}`, ...(p.ExternalID ? { ExternalId: p.ExternalID } : {}), ...(p.MfaSerial ? { SerialNumber: p.MfaSerial } : {}) },
    });
    return new AwsCredentialsValue('Amazon.Runtime.AssumeRoleAWSCredentials', provider, `role:${p.SourceProfile}:${p.RoleArn}`);
  }
  const name = p.ProfileName ?? 'default';
  const location = p.ProfileLocation ? ctx.resolvePath(p.ProfileLocation) : undefined;
  if (!profileExists(ctx, name, location)) {
    throw awsError(`Cannot find the profile '${name}'${location ? ` in '${location}'` : ''}.`, 'ObjectNotFound', 'System.ArgumentException');
  }
  const value = new AwsCredentialsValue('Amazon.Runtime.AWSCredentials', await profileProvider(ctx, name, location), `profile:${location ?? ''}:${name}`, name);
  describeProfileCredentials(ctx, value, name, location);
  return value;
}

/** A profile's values: the credentials file's section over the config file's `profile name` section. */
function profileValues(ctx: CmdletContext, name: string, location: string | undefined): Record<string, string> {
  const env = envOf(ctx);
  const config = location ? {} : readIniIfExists(sharedConfigFile(env)).getAll(name === 'default' ? 'default' : `profile ${name}`);
  return { ...config, ...readIniIfExists(location ?? sharedCredentialsFile(env)).getAll(name) };
}

function typed<T extends object>(o: T, typeName: string): T {
  Object.defineProperty(o, TYPE_NAME, { value: typeName, enumerable: false, writable: true });
  return o;
}

/**
 * Gives a profile's credentials the .NET class the SDK would build for it (BasicAWSCredentials,
 * SessionAWSCredentials, AssumeRoleAWSCredentials with SourceCredentials/RoleArn/RoleSessionName/Options).
 */
function describeProfileCredentials(ctx: CmdletContext, value: AwsCredentialsValue, name: string, location: string | undefined): void {
  const kind = (v: Record<string, string>) =>
    v.role_arn ? 'Amazon.Runtime.AssumeRoleAWSCredentials' : v.aws_session_token ? 'Amazon.Runtime.SessionAWSCredentials' : v.aws_access_key_id ? 'Amazon.Runtime.BasicAWSCredentials' : null;
  const values = profileValues(ctx, name, location);
  const typeName = kind(values);
  if (!typeName) return;
  value[TYPE_NAME] = typeName;
  if (!values.role_arn) return;
  const source = values.source_profile ? kind(profileValues(ctx, values.source_profile, location)) : null;
  const ticks = BigInt(Date.now()) * 10000n + 621355968000000000n;
  Object.assign(value, {
    SourceCredentials: source ? typed({}, source) : null,
    RoleArn: values.role_arn,
    RoleSessionName: values.role_session_name ?? `aws-dotnet-sdk-session-${ticks}`,
    Options: typed({ ExternalId: values.external_id ?? null, MfaSerialNumber: values.mfa_serial ?? null }, 'Amazon.Runtime.AssumeRoleAWSCredentialsOptions'),
  });
}

/** Writes a profile (keys or role) to the shared credentials file (or -ProfileLocation). */
async function storeProfile(ctx: CmdletContext, name: string): Promise<void> {
  const p = ctx.params;
  const file = p.ProfileLocation ? ctx.resolvePath(p.ProfileLocation) : sharedCredentialsFile(envOf(ctx));
  let values: Record<string, string | undefined>;
  if (p.AccessKey) values = { aws_access_key_id: p.AccessKey, aws_secret_access_key: p.SecretKey, aws_session_token: p.SessionToken || undefined };
  else if (p.RoleArn) values = { role_arn: p.RoleArn, source_profile: p.SourceProfile, external_id: p.ExternalID || undefined, mfa_serial: p.MfaSerial || undefined };
  else throw awsError('-StoreAs needs -AccessKey/-SecretKey or -RoleArn/-SourceProfile.', 'InvalidArgument', 'System.ArgumentException');
  await updateIniFile(file, (doc) => {
    // a profile keeps only one kind of credentials
    for (const k of ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'role_arn', 'source_profile', 'external_id', 'mfa_serial']) {
      if (!(k in values)) values[k] = undefined;
    }
    doc.setValues(name, values);
  });
}

export const setAwsCredential: CmdletDecl = {
  name: 'Set-AWSCredential',
  module: M,
  defaultParameterSet: 'StoredProfileSet',
  parameters: [...fullCredentialParams, { name: 'StoreAs', type: 'string' }, { name: 'Scope', type: 'string', validateSet: ['Global', 'Local', 'Private', 'Script'] }],
  process: guarded('Set-AWSCredential', async (ctx) => {
    const p = ctx.params;
    if (p.StoreAs) {
      await storeProfile(ctx, p.StoreAs);
      return;
    }
    const creds = await credentialsFromParams(ctx);
    awsState(ctx.session).credentials = creds;
    setGlobal(ctx, 'StoredAWSCredentials', creds);
  }),
};

function profileRows(ctx: CmdletContext, location?: string): { ProfileName: string; StoreTypeName: string; ProfileLocation: string }[] {
  const env = envOf(ctx);
  const credFile = location ?? sharedCredentialsFile(env);
  const rows = readIniIfExists(credFile).sections().map((s) => ({ ProfileName: s, StoreTypeName: 'SharedCredentialsFile', ProfileLocation: credFile }));
  if (!location) {
    const cfgFile = sharedConfigFile(env);
    for (const s of readIniIfExists(cfgFile).sections()) {
      const m = /^profile\s+(.+)$/.exec(s);
      const name = s === 'default' ? 'default' : m?.[1];
      if (name && !rows.some((r) => r.ProfileName === name)) rows.push({ ProfileName: name, StoreTypeName: 'SharedCredentialsFile', ProfileLocation: cfgFile });
    }
  }
  return rows;
}

export const getAwsCredential: CmdletDecl = {
  name: 'Get-AWSCredential',
  module: M,
  defaultParameterSet: 'StoredProfileSet',
  parameters: [
    { name: 'ProfileName', type: 'string', aliases: ['StoredCredentials', 'AWSProfileName'], parameterSets: ['StoredProfileSet'], position: 0 },
    { name: 'ListProfile', type: 'switch', parameterSets: ['ListProfileNames'], mandatory: ['ListProfileNames'] },
    { name: 'ListProfileDetail', type: 'switch', parameterSets: ['ListProfileDetail'], mandatory: ['ListProfileDetail'] },
    profileLocation,
  ],
  process: guarded('Get-AWSCredential', async (ctx) => {
    const p = ctx.params;
    const location = p.ProfileLocation ? ctx.resolvePath(p.ProfileLocation) : undefined;
    if (p.ListProfileDetail) {
      for (const r of profileRows(ctx, location)) {
        const o = PSObject.fromEntries(Object.entries(r));
        o.typeNames = ['Amazon.PowerShell.Common.ProfileInfo', 'System.Object'];
        await ctx.write(o);
      }
      return;
    }
    if (p.ListProfile) {
      for (const r of profileRows(ctx, location)) await ctx.write(r.ProfileName);
      return;
    }
    if (p.ProfileName) {
      await ctx.write(await credentialsFromParams(ctx));
      return;
    }
    const shell = awsState(ctx.session).credentials;
    if (shell) await ctx.write(shell);
  }),
};

export const newAwsCredential: CmdletDecl = {
  name: 'New-AWSCredential',
  module: M,
  defaultParameterSet: 'BasicOrSessionSet',
  parameters: fullCredentialParams,
  process: guarded('New-AWSCredential', async (ctx) => {
    await ctx.write(await credentialsFromParams(ctx));
  }),
};

export const clearAwsCredential: CmdletDecl = {
  name: 'Clear-AWSCredential',
  module: M,
  parameters: [{ name: 'Scope', type: 'string', validateSet: ['Global', 'Local', 'Private', 'Script'] }],
  process: (ctx) => {
    awsState(ctx.session).credentials = null;
    setGlobal(ctx, 'StoredAWSCredentials', null);
  },
};

export const removeAwsCredentialProfile: CmdletDecl = {
  name: 'Remove-AWSCredentialProfile',
  module: M,
  supportsShouldProcess: true,
  confirmImpact: 'High',
  parameters: [
    { name: 'ProfileName', type: 'string', aliases: ['StoredCredentials', 'AWSProfileName'], mandatory: true, position: 0, valueFromPipelineByPropertyName: true },
    profileLocation,
    { name: 'Force', type: 'switch' },
  ],
  process: guarded('Remove-AWSCredentialProfile', async (ctx) => {
    const p = ctx.params;
    const name: string = p.ProfileName;
    const location = p.ProfileLocation ? ctx.resolvePath(p.ProfileLocation) : undefined;
    if (!p.Force && !(await ctx.shouldProcess(name, 'Remove-AWSCredentialProfile'))) return;
    const env = envOf(ctx);
    const credFile = location ?? sharedCredentialsFile(env);
    let removed = false;
    if (readIniIfExists(credFile).hasSection(name)) {
      await updateIniFile(credFile, (doc) => void doc.removeSection(name));
      removed = true;
    }
    const cfgFile = sharedConfigFile(env);
    const cfgSection = name === 'default' ? 'default' : `profile ${name}`;
    if (!location && readIniIfExists(cfgFile).hasSection(cfgSection)) {
      await updateIniFile(cfgFile, (doc) => void doc.removeSection(cfgSection));
      removed = true;
    }
    if (!removed) throw awsError(`Profile '${name}' was not found.`, 'ObjectNotFound', 'System.ArgumentException');
  }),
};

export const initializeAwsDefaultConfiguration: CmdletDecl = {
  name: 'Initialize-AWSDefaultConfiguration',
  module: M,
  defaultParameterSet: 'StoredProfileSet',
  parameters: [...fullCredentialParams, { name: 'Region', type: 'object', aliases: ['RegionToCall'] }, { name: 'Scope', type: 'string' }],
  process: guarded('Initialize-AWSDefaultConfiguration', async (ctx) => {
    const p = ctx.params;
    const state = awsState(ctx.session);
    const creds = await credentialsFromParams(ctx);
    state.credentials = creds;
    setGlobal(ctx, 'StoredAWSCredentials', creds);
    const name = p.ProfileName ?? 'default';
    let region = regionArgument(p.Region);
    if (!region) {
      const env = envOf(ctx);
      region = readIniIfExists(sharedConfigFile(env)).get(name === 'default' ? 'default' : `profile ${name}`, 'region') ?? readIniIfExists(sharedCredentialsFile(env)).get(name, 'region');
    }
    if (region) {
      state.region = region;
      setGlobal(ctx, 'StoredAWSRegion', region);
    }
    await storeDefaultProfile(ctx, name, region);
  }),
};

const credentialKeys = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'role_arn', 'source_profile', 'external_id', 'mfa_serial', 'credential_process', 'credential_source'];

/**
 * Initialize-AWSDefaultConfiguration saves what it loaded as the `default` profile (the guide: it "overwrites the
 * default profile with the named profile"), with the region. Called once the credentials resolved, so a bad profile
 * name or key changes no file.
 */
async function storeDefaultProfile(ctx: CmdletContext, source: string, region: string | null | undefined): Promise<void> {
  const p = ctx.params;
  const env = envOf(ctx);
  const file = p.ProfileLocation ? ctx.resolvePath(p.ProfileLocation) : sharedCredentialsFile(env);
  let values: Record<string, string | undefined> | null = null;
  if (p.AccessKey) values = { aws_access_key_id: p.AccessKey, aws_secret_access_key: p.SecretKey, aws_session_token: p.SessionToken || undefined };
  else if (p.RoleArn) values = { role_arn: p.RoleArn, source_profile: p.SourceProfile, external_id: p.ExternalID || undefined, mfa_serial: p.MfaSerial || undefined };
  else if (!p.Credential && source.toLowerCase() !== 'default') {
    const fromCredentials = readIniIfExists(file).getAll(source);
    const fromConfig = p.ProfileLocation ? {} : readIniIfExists(sharedConfigFile(env)).getAll(`profile ${source}`);
    const all: Record<string, string> = { ...fromConfig, ...fromCredentials };
    values = {};
    for (const k of credentialKeys) values[k] = all[k];
  }
  if (!values && !region) return;
  const update: Record<string, string | undefined> = { ...(values ?? {}) };
  if (values) for (const k of credentialKeys) if (!(k in update)) update[k] = undefined;
  if (region) update.region = region;
  await updateIniFile(file, (doc) => doc.setValues('default', update));
  ctx.writeVerbose(p.ProfileLocation ? `Updated credential file at ${p.ProfileLocation}` : 'Updated SDK profile store.');
  ctx.writeVerbose("Default credentials and/or region have been stored to credentials profile 'default' and set active for this shell.");
}

export const clearAwsDefaultConfiguration: CmdletDecl = {
  name: 'Clear-AWSDefaultConfiguration',
  module: M,
  parameters: [{ name: 'Scope', type: 'string' }],
  process: (ctx) => {
    const state = awsState(ctx.session);
    state.credentials = null;
    state.region = null;
    setGlobal(ctx, 'StoredAWSCredentials', null);
    setGlobal(ctx, 'StoredAWSRegion', null);
  },
};

export const credentialCmdlets = [setAwsCredential, getAwsCredential, newAwsCredential, clearAwsCredential, removeAwsCredentialProfile, initializeAwsDefaultConfiguration, clearAwsDefaultConfiguration];
export { TYPE_NAME };
