// Hand-written EC2 and STS cmdlets: Get-EC2ImageByName, Get-EC2PasswordData, Get-EC2InstanceMetadata,
// Use-STSWebIdentityRole and Use-STSRoleWithSAML.
import * as fs from 'node:fs';
import { constants, privateDecrypt } from 'node:crypto';
import type { CmdletDecl, ParameterDecl } from '../../../runtime/cmdlet-api.js';
import { serviceCmdlet } from '../runtime/service-cmdlet.js';
import { tag } from '../runtime/output.js';
import { awsError, toAwsErrorRecord, isFlowSignal } from '../runtime/aws-errors.js';
import { envVar } from '../runtime/session-state.js';
import { commonParams, withService } from './hand-written-support.js';

/** AWS Tools' logical image names → image name patterns (resolved against what the region offers). */
export const imageNamePatterns: Record<string, string> = {
  WINDOWS_2016_BASE: 'Windows_Server-2016-English-Full-Base-*',
  WINDOWS_2016_NANO: 'Windows_Server-2016-English-Nano-Base-*',
  WINDOWS_2016_CORE: 'Windows_Server-2016-English-Core-Base-*',
  WINDOWS_2016_CONTAINER: 'Windows_Server-2016-English-Full-Containers-*',
  WINDOWS_2016_SQL_SERVER_ENTERPRISE_2016: 'Windows_Server-2016-English-Full-SQL_2016_SP*_Enterprise-*',
  WINDOWS_2016_SQL_SERVER_STANDARD_2016: 'Windows_Server-2016-English-Full-SQL_2016_SP*_Standard-*',
  WINDOWS_2016_SQL_SERVER_WEB_2016: 'Windows_Server-2016-English-Full-SQL_2016_SP*_Web-*',
  WINDOWS_2016_SQL_SERVER_EXPRESS_2016: 'Windows_Server-2016-English-Full-SQL_2016_SP*_Express-*',
  WINDOWS_2012R2_BASE: 'Windows_Server-2012-R2_RTM-English-64Bit-Base-*',
  WINDOWS_2012R2_CORE: 'Windows_Server-2012-R2_RTM-English-64Bit-Core-*',
  WINDOWS_2012R2_SQL_SERVER_EXPRESS_2016: 'Windows_Server-2012-R2_RTM-English-64Bit-SQL_2016_SP*_Express-*',
  WINDOWS_2012R2_SQL_SERVER_STANDARD_2016: 'Windows_Server-2012-R2_RTM-English-64Bit-SQL_2016_SP*_Standard-*',
  WINDOWS_2012R2_SQL_SERVER_WEB_2016: 'Windows_Server-2012-R2_RTM-English-64Bit-SQL_2016_SP*_Web-*',
  WINDOWS_2012R2_SQL_SERVER_EXPRESS_2014: 'Windows_Server-2012-R2_RTM-English-64Bit-SQL_2014_SP*_Express-*',
  WINDOWS_2012R2_SQL_SERVER_STANDARD_2014: 'Windows_Server-2012-R2_RTM-English-64Bit-SQL_2014_SP*_Standard-*',
  WINDOWS_2012R2_SQL_SERVER_WEB_2014: 'Windows_Server-2012-R2_RTM-English-64Bit-SQL_2014_SP*_Web-*',
  WINDOWS_2012_BASE: 'Windows_Server-2012-RTM-English-64Bit-Base-*',
  WINDOWS_2012_SQL_SERVER_EXPRESS_2014: 'Windows_Server-2012-RTM-English-64Bit-SQL_2014_SP*_Express-*',
  WINDOWS_2012_SQL_SERVER_STANDARD_2014: 'Windows_Server-2012-RTM-English-64Bit-SQL_2014_SP*_Standard-*',
  WINDOWS_2012_SQL_SERVER_WEB_2014: 'Windows_Server-2012-RTM-English-64Bit-SQL_2014_SP*_Web-*',
  WINDOWS_2012_SQL_SERVER_EXPRESS_2012: 'Windows_Server-2012-RTM-English-64Bit-SQL_2012_SP*_Express-*',
  WINDOWS_2012_SQL_SERVER_STANDARD_2012: 'Windows_Server-2012-RTM-English-64Bit-SQL_2012_SP*_Standard-*',
  WINDOWS_2012_SQL_SERVER_WEB_2012: 'Windows_Server-2012-RTM-English-64Bit-SQL_2012_SP*_Web-*',
  WINDOWS_2012_SQL_SERVER_EXPRESS_2008: 'Windows_Server-2012-RTM-English-64Bit-SQL_2008_R2_SP*_Express-*',
  WINDOWS_2012_SQL_SERVER_STANDARD_2008: 'Windows_Server-2012-RTM-English-64Bit-SQL_2008_R2_SP*_Standard-*',
  WINDOWS_2012_SQL_SERVER_WEB_2008: 'Windows_Server-2012-RTM-English-64Bit-SQL_2008_R2_SP*_Web-*',
  WINDOWS_2008R2_BASE: 'Windows_Server-2008-R2_SP1-English-64Bit-Base-*',
  WINDOWS_2008R2_SQL_SERVER_EXPRESS_2012: 'Windows_Server-2008-R2_SP1-English-64Bit-SQL_2012_SP*_Express-*',
  WINDOWS_2008R2_SQL_SERVER_STANDARD_2012: 'Windows_Server-2008-R2_SP1-English-64Bit-SQL_2012_SP*_Standard-*',
  WINDOWS_2008R2_SQL_SERVER_WEB_2012: 'Windows_Server-2008-R2_SP1-English-64Bit-SQL_2012_SP*_Web-*',
  WINDOWS_2008R2_SQL_SERVER_EXPRESS_2008: 'Windows_Server-2008-R2_SP1-English-64Bit-SQL_2008_R2_SP*_Express-*',
  WINDOWS_2008R2_SQL_SERVER_STANDARD_2008: 'Windows_Server-2008-R2_SP1-English-64Bit-SQL_2008_R2_SP*_Standard-*',
  WINDOWS_2008R2_SQL_SERVER_WEB_2008: 'Windows_Server-2008-R2_SP1-English-64Bit-SQL_2008_R2_SP*_Web-*',
  WINDOWS_2008RTM_BASE: 'Windows_Server-2008-SP2-English-64Bit-Base-*',
  WINDOWS_2008RTM_SQL_SERVER_EXPRESS_2008: 'Windows_Server-2008-SP2-English-64Bit-SQL_2008_SP*_Express-*',
  WINDOWS_2008RTM_SQL_SERVER_STANDARD_2008: 'Windows_Server-2008-SP2-English-64Bit-SQL_2008_SP*_Standard-*',
  WINDOWS_2008_BEANSTALK_IIS75: 'Windows_Server-2008-R2_SP1-English-64Bit-Beanstalk-*',
  WINDOWS_2012_BEANSTALK_IIS8: 'Windows_Server-2012-RTM-English-64Bit-Beanstalk-*',
  VPC_NAT: 'amzn-ami-vpc-nat-*',
  // Names added after the guide's list.
  WINDOWS_2019_BASE: 'Windows_Server-2019-English-Full-Base-*',
  WINDOWS_2019_CORE: 'Windows_Server-2019-English-Core-Base-*',
  WINDOWS_2019_CONTAINER: 'Windows_Server-2019-English-Full-ContainersLatest-*',
  WINDOWS_2022_BASE: 'Windows_Server-2022-English-Full-Base-*',
  WINDOWS_2022_CORE: 'Windows_Server-2022-English-Core-Base-*',
  AMAZON_LINUX_2: 'amzn2-ami-hvm-*-x86_64-gp2',
  AMAZON_LINUX_2023: 'al2023-ami-2023.*-x86_64',
};

export const getEC2ImageByName: CmdletDecl = {
  name: 'Get-EC2ImageByName',
  module: 'AWS.Tools.EC2',
  outputType: ['Amazon.EC2.Model.Image', 'System.String'],
  synopsis: 'Finds the current Amazon machine image for a logical name (WINDOWS_2016_BASE...) or a name pattern.',
  notes: 'This cmdlet calls the EC2 operation DescribeImages.',
  get parameters(): ParameterDecl[] {
    return [
      { name: 'Name', type: 'string[]', position: 0, aliases: ['Names', 'FilterNames'], valueFromPipeline: true, valueFromPipelineByPropertyName: true },
      { name: 'ShowFilters', type: 'switch' },
      { name: 'AllAvailable', type: 'switch' },
      ...commonParams('EC2'),
    ];
  },
  process: async (ctx) => {
    const names: string[] | undefined = ctx.params.Name === undefined ? undefined : (Array.isArray(ctx.params.Name) ? ctx.params.Name : [ctx.params.Name]).map(String);
    if (!names || !names.length) {
      for (const n of Object.keys(imageNamePatterns)) await ctx.write(n);
      return;
    }
    const patterns = names.map((n) => imageNamePatterns[n.toUpperCase()] ?? n);
    if (ctx.params.ShowFilters) {
      for (const p of patterns) await ctx.write(p);
      return;
    }
    await withService(ctx, 'Get-EC2ImageByName', 'EC2', names.join(','), async (svc) => {
      for (const pattern of patterns) {
        const describe = async (owners?: string[]) => {
          const images: any[] = [];
          let token: string | undefined;
          do {
            const res = await svc.client.send(
              new svc.module.DescribeImagesCommand({ ...(owners ? { Owners: owners } : {}), Filters: [{ Name: 'name', Values: [pattern] }], NextToken: token }),
              { abortSignal: ctx.signal },
            );
            images.push(...(res.Images ?? []));
            token = res.NextToken;
          } while (token);
          return images;
        };
        let images = await describe(['amazon']);
        if (!images.length) images = await describe();
        images.sort((a, b) => String(b.CreationDate ?? '').localeCompare(String(a.CreationDate ?? '')));
        for (const img of ctx.params.AllAvailable ? images : images.slice(0, 1)) await ctx.write(tag(img, 'Amazon.EC2.Model.Image'));
      }
    });
  },
};

/** RSA PKCS#1 v1.5 decryption done by hand: Node 20 refuses PKCS#1 v1.5 padding in privateDecrypt. */
export function decryptWindowsPassword(encryptedBase64: string, pem: string): string {
  const raw = privateDecrypt({ key: pem, padding: constants.RSA_NO_PADDING }, Buffer.from(encryptedBase64.trim(), 'base64'));
  // 0x00 0x02 <nonzero padding> 0x00 <message>
  if (raw[0] !== 0 || raw[1] !== 2) throw new Error('The password data could not be decrypted with this key.');
  const sep = raw.indexOf(0, 2);
  if (sep < 10) throw new Error('The password data could not be decrypted with this key.');
  return raw.subarray(sep + 1).toString('utf8');
}

export const getEC2PasswordData: CmdletDecl = {
  name: 'Get-EC2PasswordData',
  module: 'AWS.Tools.EC2',
  outputType: ['System.String'],
  synopsis: "Gets an instance's encrypted Windows administrator password, decrypting it with -Decrypt -PemFile.",
  notes: 'This cmdlet calls the EC2 operation GetPasswordData.',
  get parameters(): ParameterDecl[] {
    return [
      { name: 'InstanceId', type: 'string', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
      { name: 'Decrypt', type: 'switch' },
      { name: 'PemFile', type: 'string' },
      ...commonParams('EC2'),
    ];
  },
  process: (ctx) => {
    const p = ctx.params;
    return withService(ctx, 'Get-EC2PasswordData', 'EC2', p.InstanceId, async (svc) => {
      const res = await svc.client.send(new svc.module.GetPasswordDataCommand({ InstanceId: String(p.InstanceId) }), { abortSignal: ctx.signal });
      const data = String(res.PasswordData ?? '').trim();
      if (!p.Decrypt) return void (await ctx.write(data));
      if (!data) throw awsError('Password data is not yet available for this instance.', 'InvalidOperation', 'System.InvalidOperationException');
      if (!p.PemFile) throw awsError('-Decrypt needs the key pair file given with -PemFile.', 'InvalidArgument', 'System.ArgumentException');
      await ctx.write(decryptWindowsPassword(data, fs.readFileSync(ctx.resolvePath(String(p.PemFile)), 'utf8')));
    });
  },
};

/** Instance metadata categories (AWS Tools' EC2MetadataCategory names) → paths under /latest/. */
export const metadataCategories: Record<string, string> = {
  AmiId: 'meta-data/ami-id', LaunchIndex: 'meta-data/ami-launch-index', ManifestPath: 'meta-data/ami-manifest-path',
  AncestorAmiId: 'meta-data/ancestor-ami-ids', BlockDeviceMapping: 'meta-data/block-device-mapping', InstanceId: 'meta-data/instance-id',
  InstanceType: 'meta-data/instance-type', LocalHostname: 'meta-data/local-hostname', LocalIpv4: 'meta-data/local-ipv4',
  KernelId: 'meta-data/kernel-id', AvailabilityZone: 'meta-data/placement/availability-zone', ProductCode: 'meta-data/product-codes',
  PublicHostname: 'meta-data/public-hostname', PublicIpv4: 'meta-data/public-ipv4', PublicKey: 'meta-data/public-keys/0/openssh-key',
  RamdiskId: 'meta-data/ramdisk-id', Region: 'meta-data/placement/region', ReservationId: 'meta-data/reservation-id',
  SecurityGroup: 'meta-data/security-groups', UserData: 'user-data', InstanceMonitoring: 'meta-data/instance-monitoring',
  IdentityDocument: 'dynamic/instance-identity/document', IdentitySignature: 'dynamic/instance-identity/signature',
  IdentityPkcs7: 'dynamic/instance-identity/pkcs7', MacAddress: 'meta-data/mac',
};

export const getEC2InstanceMetadata: CmdletDecl = {
  name: 'Get-EC2InstanceMetadata',
  module: 'AWS.Tools.EC2',
  outputType: ['System.String'],
  synopsis: 'Reads the EC2 instance metadata service (IMDSv2) of the instance awsh runs on.',
  notes: 'This cmdlet calls the instance metadata service, not an AWS API.',
  defaultParameterSet: 'ByCategory',
  get parameters(): ParameterDecl[] {
    return [
      { name: 'Category', type: 'string[]', position: 0, parameterSets: ['ByCategory'], validateSet: Object.keys(metadataCategories) },
      { name: 'Path', type: 'string', parameterSets: ['ByPath'], mandatory: ['ByPath'] },
      { name: 'ListCategory', type: 'switch', parameterSets: ['ListCategory'], mandatory: ['ListCategory'] },
    ];
  },
  process: async (ctx) => {
    const p = ctx.params;
    if (p.ListCategory) {
      for (const c of Object.keys(metadataCategories)) await ctx.write(c);
      return;
    }
    const base = (envVar(ctx, 'AWS_EC2_METADATA_SERVICE_ENDPOINT') ?? 'http://169.254.169.254').replace(/\/+$/, '');
    const paths: string[] =
      p.Path !== undefined
        ? [String(p.Path).startsWith('/latest/') ? String(p.Path).slice(8) : 'meta-data/' + String(p.Path).replace(/^\/+/, '')]
        : (Array.isArray(p.Category) ? p.Category : p.Category !== undefined ? [p.Category] : []).map((c: string) => metadataCategories[Object.keys(metadataCategories).find((k) => k.toLowerCase() === String(c).toLowerCase()) ?? ''] ?? String(c));
    try {
      const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(2000)]);
      const tokenRes = await fetch(`${base}/latest/api/token`, { method: 'PUT', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '21600' }, signal });
      const token = tokenRes.ok ? await tokenRes.text() : '';
      for (const path of paths) {
        const r = await fetch(`${base}/latest/${path}`, { headers: token ? { 'X-aws-ec2-metadata-token': token } : {}, signal });
        if (r.status === 404) {
          await ctx.write(null);
          continue;
        }
        if (!r.ok) throw new Error(`The instance metadata service answered ${r.status} for '${path}'.`);
        await ctx.write(await r.text());
      }
    } catch (e) {
      // Pipeline flow signals (Select-Object -First stopping upstream, break, exit) are not errors: pass them on.
      if (isFlowSignal(e)) throw e;
      const msg = e instanceof Error && e.name === 'TimeoutError' ? 'Unable to reach the EC2 instance metadata service; awsh is not running on an EC2 instance, or IMDS is disabled.' : (e as Error).message;
      ctx.throwTerminating(toAwsErrorRecord(awsError(msg, 'ConnectionError', 'System.InvalidOperationException'), 'Get-EC2InstanceMetadata', 'EC2', null));
    }
  },
};

/** STS role cmdlets the .NET module writes by hand; their output carries Credentials usable with -Credential. */
export const useSTSWebIdentityRole: CmdletDecl = Object.assign(serviceCmdlet(['Use-STSWebIdentityRole', 'STS', 'AssumeRoleWithWebIdentity', '*', 'RoleArn', 'h']), {
  outputType: ['Amazon.SecurityToken.Model.AssumeRoleWithWebIdentityResponse'],
});
export const useSTSRoleWithSAML: CmdletDecl = Object.assign(serviceCmdlet(['Use-STSRoleWithSAML', 'STS', 'AssumeRoleWithSAML', '*', 'RoleArn', 'h']), {
  outputType: ['Amazon.SecurityToken.Model.AssumeRoleWithSAMLResponse'],
});
