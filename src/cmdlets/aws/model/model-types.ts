// .NET model types scripts build by hand (`New-Object Amazon.EC2.Model.IpPermission`,
// `[Amazon.EC2.Model.Filter]@{...}`, `New-Object Amazon.S3.AmazonS3Config`), defined on demand from the SDK's
// runtime schemas. Nothing here loads an SDK until a script names one of these types.
import * as psTypeModule from '../../../runtime/types/ps-type.js';
import { defineType, registerType, typeByFullName, type PSType, type PropertyDef, type TypeDef } from '../../../runtime/types/ps-type.js';
import { PSList } from '../../../runtime/types/collections.js';
import { TYPE_NAME } from '../runtime/credentials-value.js';
import { clientConfigPropertyNames, clientConfigTypeNames } from '../runtime/client-config.js';
import type { NS } from '../runtime/schema-values.js';
import { serviceNamespaces } from '../runtime/output.js';
import { requireSdk } from '../runtime/sdk-require.js';


/** .NET namespace → [service prefix, SDK package]. */
const namespaces: Record<string, [string, string]> = {
  'amazon.s3': ['S3', '@aws-sdk/client-s3'],
  'amazon.ec2': ['EC2', '@aws-sdk/client-ec2'],
  'amazon.sqs': ['SQS', '@aws-sdk/client-sqs'],
  'amazon.simplenotificationservice': ['SNS', '@aws-sdk/client-sns'],
  'amazon.securitytoken': ['STS', '@aws-sdk/client-sts'],
  'amazon.identitymanagement': ['IAM', '@aws-sdk/client-iam'],
  'amazon.cloudwatch': ['CW', '@aws-sdk/client-cloudwatch'],
};
/** .NET class name → v3 schema export, where they differ. */
const shapeExports: Record<string, Record<string, string>> = {
  S3: { S3Object: '_Object$', S3Bucket: 'Bucket$', S3Error: '_Error$' },
};

type SchemaLib = { NormalizedSchema: { of(s: unknown): NS } };
let schemaLib: SchemaLib | null = null;
function sdkModule(pkg: string): Record<string, unknown> {
  schemaLib ??= requireSdk<SchemaLib>('@smithy/core/schema');
  return requireSdk<Record<string, unknown>>(pkg);
}

/** The PowerShell type a member is converted to when a script sets it. */
/** v3 schemas don't tell int from double: the member name decides (the same rule as scripts/gen-aws-tables.mjs). */
const doubleMember = /(Value|Values|Threshold|Price|Percent|Percentage|Ratio|Rate|Sum|Average|Minimum|Maximum|SampleCount|Weight|Score|Cost|Amount|Fraction)$/;
const longMember = /(Bytes|InBytes|Size|SizeInGB|Timestamp)$/;

function memberType(ns: NS, member: string): string | undefined {
  if (ns.isListSchema()) {
    const inner = ns.getValueSchema();
    return inner.isStringSchema() ? 'System.Collections.Generic.List[string]' : 'System.Collections.Generic.List[System.Object]';
  }
  if (ns.isStringSchema()) return 'System.String';
  if (ns.isBooleanSchema()) return 'System.Boolean';
  if (ns.isTimestampSchema()) return 'System.DateTime';
  if (ns.isNumericSchema()) return doubleMember.test(member) ? 'System.Double' : longMember.test(member) ? 'System.Int64' : 'System.Int32';
  return undefined;
}

function modelDef(fullName: string, schema: unknown): TypeDef | null {
  const ns = schemaLib!.NormalizedSchema.of(schema);
  if (!ns.isStructSchema()) return null;
  const members: [string, NS][] = [...ns.structIterator()];
  const properties: PropertyDef[] = members.map(([name, m]) => {
    const type = memberType(m, name);
    return type ? { name, type } : { name };
  });
  // IpPermission.IpRanges is the .NET SDK's List<string> of CIDRs (Ipv4Ranges holds the IpRange objects).
  const stringList = (n: string, m: NS) => m.getValueSchema().isStringSchema() || (fullName === 'Amazon.EC2.Model.IpPermission' && n === 'IpRanges');
  const lists = members.filter(([, m]) => m.isListSchema()).map(([n, m]) => [n, stringList(n, m)] as const);
  const make = (): Record<string | symbol, unknown> => {
    const o: Record<string | symbol, unknown> = {};
    for (const p of properties) o[p.name] = null;
    // .NET model collections are created empty, so `$ip.IpRanges.Add(...)` works on a new object.
    // List<T>, not ArrayList: Add returns nothing.
    for (const [n, isString] of lists) o[n] = PSList.create(typeByFullName(isString ? 'System.String' : 'System.Object'));
    Object.defineProperty(o, TYPE_NAME, { value: fullName, enumerable: false, writable: true, configurable: true });
    return o;
  };
  return {
    fullName,
    properties,
    // .NET models have a parameterless constructor; some (Filter, Tag, MetricDatum...) also take their members in order.
    construct: (args) => {
      const o = make();
      args.forEach((a, i) => {
        const p = properties[i];
        if (!p) return;
        const isList = lists.find(([n]) => n === p.name);
        o[p.name] = isList ? PSList.create(typeByFullName(isList[1] ? 'System.String' : 'System.Object'), Array.isArray(a) ? a : [a]) : a;
      });
      return o;
    },
  };
}

function clientConfigDef(fullName: string): TypeDef {
  return {
    fullName,
    properties: clientConfigPropertyNames.map((name) => ({ name })),
    construct: () => {
      const o: Record<string | symbol, unknown> = {};
      for (const n of clientConfigPropertyNames) o[n] = null;
      Object.defineProperty(o, TYPE_NAME, { value: fullName, enumerable: false, writable: true, configurable: true });
      return o;
    },
  };
}

/** .NET ConstantClass names that differ from the v3 enum export, per service. */
const constantClassExports: Record<string, Record<string, string>> = {
  S3: { S3CannedACL: 'ObjectCannedACL', S3StorageClass: 'StorageClass', ServerSideEncryptionMethod: 'ServerSideEncryption' },
};

/** A v3 enum key as a .NET ConstantClass member: `t2_micro` → T2Micro, `public_read` → PublicRead, `Bytes_Second` → BytesSecond. */
function constantMemberName(key: string): string {
  return key.split('_').filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
}

const isEnumObject = (v: unknown): v is Record<string, string> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/** The type for one SDK enum (`Amazon.EC2.InstanceType`); its static members are computed on first use. */
function constantClassDef(fullName: string, values: Record<string, string>): TypeDef {
  let statics: Record<string, () => string> | undefined;
  const find = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    fullName,
    get staticProps() {
      if (!statics) {
        statics = {};
        for (const [key, value] of Object.entries(values)) statics[constantMemberName(key)] = () => value;
      }
      return statics;
    },
    staticMethods: { findvalue: (args) => find(args[0]) },
    convert: (v) => find(v),
  };
}

/** The ConstantClass names of one enum export: its .NET name(s) under the service namespace. */
function constantClassNames(prefix: string, exportName: string): string[] {
  const ns = serviceNamespaces[prefix]!;
  const renamed = Object.entries(constantClassExports[prefix] ?? {}).filter(([, v]) => v === exportName).map(([k]) => `${ns}.${k}`);
  return [`${ns}.${exportName.replace(/^_/, '')}`, ...renamed];
}

/**
 * `Amazon.EC2.InstanceType` and the like: AWS Tools' ConstantClass types, from the SDK's enum objects. Their static
 * members are the values as strings (`[Amazon.EC2.InstanceType]::T2Micro` is 't2.micro'), which is what the
 * cmdlets' parameters take; a cast or FindValue passes any string through, as ConstantClass does.
 */
function resolveConstantClass(name: string): TypeDef | null {
  const m = /^(amazon\.[a-z0-9]+)\.([A-Za-z0-9_]+)$/i.exec(name);
  const svc = m ? namespaces[m[1]!.toLowerCase()] : undefined;
  if (!m || !svc) return null;
  let mod: Record<string, unknown>;
  try {
    mod = sdkModule(svc[1]);
  } catch {
    return null;
  }
  const wanted = m[2]!.toLowerCase();
  const renamed = Object.entries(constantClassExports[svc[0]] ?? {}).find(([k]) => k.toLowerCase() === wanted);
  const exportName = renamed?.[1] ?? Object.keys(mod).find((k) => !k.endsWith('$') && k.replace(/^_/, '').toLowerCase() === wanted);
  const values = exportName ? mod[exportName] : undefined;
  if (!exportName || !isEnumObject(values)) return null;
  return constantClassDef(`${serviceNamespaces[svc[0]]}.${renamed?.[0] ?? exportName.replace(/^_/, '')}`, values);
}

const configNames = new Map(Object.values(clientConfigTypeNames).map((n) => [n.toLowerCase(), n]));
const failed = new Set<string>();

/**
 * The type definition for an `Amazon.<Service>.Model.<Shape>` (or `Amazon.<Service>.Amazon<Service>Config`) name,
 * or null when the name is not an AWS model of the seven services. Registers it so later lookups are direct.
 */
export function resolveAwsType(name: string): PSType | null {
  const lower = name.toLowerCase();
  if (!lower.startsWith('amazon.') || failed.has(lower)) return null;
  const known = typeByFullName(name);
  if (known) return known;
  const config = configNames.get(lower);
  if (config) return registerType(clientConfigDef(config));
  const m = /^(amazon\.[a-z0-9]+)\.model\.([A-Za-z0-9_]+)$/i.exec(name);
  const svc = m ? namespaces[m[1]!.toLowerCase()] : undefined;
  if (!m || !svc) {
    const constant = resolveConstantClass(name);
    if (constant) return registerType(constant);
    failed.add(lower);
    return null;
  }
  let mod: Record<string, unknown>;
  try {
    mod = sdkModule(svc[1]);
  } catch {
    failed.add(lower);
    return null;
  }
  const wanted = m[2]!;
  const exportName =
    Object.entries(shapeExports[svc[0]] ?? {}).find(([k]) => k.toLowerCase() === wanted.toLowerCase())?.[1] ??
    Object.keys(mod).find((k) => k.endsWith('$') && k.slice(0, -1).toLowerCase() === wanted.toLowerCase());
  const schema = exportName ? mod[exportName] : undefined;
  const shapeName = exportName ? exportName.replace(/^_/, '').slice(0, -1) : wanted;
  const dotnetName = Object.entries(shapeExports[svc[0]] ?? {}).find(([, v]) => v === exportName)?.[0] ?? shapeName;
  const def = schema ? modelDef(`${serviceNamespaces[svc[0]]}.Model.${dotnetName}`, schema) : null;
  if (!def) {
    failed.add(lower);
    return null;
  }
  return registerType(def);
}

const prefixPackages: Record<string, string> = Object.fromEntries(Object.values(namespaces).map(([prefix, pkg]) => [prefix, pkg]));
const registeredServices = new Set<string>();

/** A definition whose members are read from the schema only when first used. */
function lazyModelDef(fullName: string, schema: unknown): TypeDef {
  let real: TypeDef | null | undefined;
  const get = () => (real === undefined ? (real = modelDef(fullName, schema)) : real);
  return {
    fullName,
    get properties() {
      return get()?.properties;
    },
    get construct() {
      return get()?.construct;
    },
  } as TypeDef;
}

/**
 * Defines every `Amazon.<Service>.Model.<Shape>` and ConstantClass (`Amazon.EC2.InstanceType`) of one service, as
 * loading an AWS Tools module does (the module is imported on first use of one of its cmdlets, or by Import-Module).
 * Definitions are lazy: only names are recorded.
 * `mod` is the service's SDK module when the caller already has it.
 */
export function registerServiceModelTypes(prefix: string, mod?: Record<string, unknown>): void {
  if (registeredServices.has(prefix) || !prefixPackages[prefix]) return;
  registeredServices.add(prefix);
  const m = mod ?? sdkModule(prefixPackages[prefix]!);
  schemaLib ??= requireSdk<SchemaLib>('@smithy/core/schema');
  const ns = serviceNamespaces[prefix]!;
  const reverse = Object.fromEntries(Object.entries(shapeExports[prefix] ?? {}).map(([k, v]) => [v, k]));
  for (const key of Object.keys(m)) {
    if (!key.endsWith('$')) {
      // The only plain objects a v3 client package exports are its enums: AWS Tools' ConstantClass types.
      const values = m[key];
      if (values && typeof values === 'object' && !Array.isArray(values)) {
        for (const full of constantClassNames(prefix, key)) if (!typeByFullName(full)) defineType(constantClassDef(full, values as Record<string, string>));
      }
      continue;
    }
    const schema = m[key];
    if (!Array.isArray(schema) || schema[0] !== 3) continue;
    const full = `${ns}.Model.${reverse[key] ?? key.slice(0, -1).replace(/^_/, '')}`;
    if (!typeByFullName(full)) defineType(lazyModelDef(full, schema));
  }
  const config = clientConfigTypeNames[prefix];
  if (config && !typeByFullName(config)) defineType(clientConfigDef(config));
}

/**
 * registerServiceModelTypes, run while the first request is waiting on the network (a setImmediate callback runs
 * once the SDK is blocked on I/O) instead of in front of it. Returns a function that finishes it now if it has not
 * run yet; callers call that before anything a script could see (output, the end of the cmdlet).
 */
export function registerServiceModelTypesSoon(prefix: string, mod: Record<string, unknown>): () => void {
  if (registeredServices.has(prefix)) return noop;
  const register = () => registerServiceModelTypes(prefix, mod);
  const pending = setImmediate(register);
  return () => {
    clearImmediate(pending);
    register();
  };
}
function noop(): void {}

const moduleServices: Record<string, string[]> = {
  'aws.tools.s3': ['S3'], 'aws.tools.ec2': ['EC2'], 'aws.tools.sqs': ['SQS'], 'aws.tools.simplenotificationservice': ['SNS'],
  'aws.tools.securitytoken': ['STS'], 'aws.tools.identitymanagement': ['IAM'], 'aws.tools.cloudwatch': ['CW'],
  'awspowershell.netcore': ['S3', 'EC2', 'SQS', 'SNS', 'STS', 'IAM', 'CW'], awspowershell: ['S3', 'EC2', 'SQS', 'SNS', 'STS', 'IAM', 'CW'],
};
/** For Import-Module: defines the model types of an AWS module (`AWS.Tools.EC2`, `AWSPowerShell.NetCore`). Returns whether the name is an AWS module. */
export function importAwsModuleTypes(moduleName: string): boolean {
  const services = moduleServices[moduleName.toLowerCase()];
  if (!services) return moduleName.toLowerCase() === 'aws.tools.common';
  for (const s of services) registerServiceModelTypes(s);
  return true;
}

/**
 * Installs resolveAwsType as the types layer's resolver for unknown names, when the types layer offers a hook
 * (checked by name so this module works with whichever hook the types layer exports). Returns whether it did.
 */
export function installAwsTypeResolver(): boolean {
  const mod = psTypeModule as unknown as Record<string, unknown>;
  for (const hook of ['setUnknownTypeResolver', 'setTypeResolver', 'addTypeResolver', 'registerTypeResolver']) {
    const fn = mod[hook];
    if (typeof fn === 'function') {
      (fn as (r: (name: string) => PSType | null) => void)(resolveAwsType);
      return true;
    }
  }
  return false;
}
