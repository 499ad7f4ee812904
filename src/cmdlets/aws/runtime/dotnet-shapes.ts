// Where the .NET model (what AWS Tools emits and the guide shows) differs from the v3 response shapes:
// members the .NET response wraps (RunInstances → .Reservation), .NET convenience properties
// (SQS queue attributes as properties, S3 WebsiteConfiguration), and .NET type names on nested objects.
import { TYPE_NAME } from './credentials-value.js';
import type { NS } from './schema-values.js';
import { PSDictionary, resolveType } from '../../../runtime/types/index.js';

/**
 * Responses the .NET SDK wraps in one member that v3 returns flat: prefix → operation → [member, .NET type].
 * The member is what the cmdlet's default output names.
 */
const wrappedResponses: Record<string, Record<string, [string, string]>> = {
  EC2: {
    CreateKeyPair: ['KeyPair', 'Amazon.EC2.Model.KeyPair'],
    AttachVolume: ['Attachment', 'Amazon.EC2.Model.VolumeAttachment'],
    DetachVolume: ['Attachment', 'Amazon.EC2.Model.VolumeAttachment'],
    CreateSnapshot: ['Snapshot', 'Amazon.EC2.Model.Snapshot'],
    CreateVolume: ['Volume', 'Amazon.EC2.Model.Volume'],
    DescribeImageAttribute: ['ImageAttribute', 'Amazon.EC2.Model.ImageAttribute'],
    DescribeInstanceAttribute: ['InstanceAttribute', 'Amazon.EC2.Model.InstanceAttribute'],
    RunInstances: ['Reservation', 'Amazon.EC2.Model.Reservation'],
  },
  S3: {
    GetBucketLogging: ['BucketLoggingConfig', 'Amazon.S3.Model.S3BucketLoggingConfig'],
    GetBucketReplication: ['Configuration', 'Amazon.S3.Model.ReplicationConfiguration'],
    GetBucketVersioning: ['VersioningConfig', 'Amazon.S3.Model.S3BucketVersioningConfig'],
    GetObjectTagging: ['Tagging', 'Amazon.S3.Model.Tag'],
    GetBucketCors: ['Configuration', 'Amazon.S3.Model.CORSConfiguration'],
    GetBucketLifecycleConfiguration: ['Configuration', 'Amazon.S3.Model.LifecycleConfiguration'],
    GetBucketAcl: ['AccessControlList', 'Amazon.S3.Model.S3AccessControlList'],
  },
};

/** Member names the shaped responses add, for -Select validation: prefix → lower-case names. */
export function syntheticMembers(prefix: string): Set<string> {
  const s = new Set<string>();
  for (const [m] of Object.values(wrappedResponses[prefix] ?? {})) s.add(m.toLowerCase());
  if (prefix === 'S3') s.add('websiteconfiguration');
  return s;
}

function setType(o: unknown, typeName: string): void {
  if (o && typeof o === 'object' && !Array.isArray(o)) Object.defineProperty(o, TYPE_NAME, { value: typeName, enumerable: false, writable: true, configurable: true });
}

/** SQS attribute names whose .NET convenience property is spelled differently. */
const sqsPropertyNames: Record<string, string> = { QueueArn: 'QueueARN' };
const sqsNumeric = /^(Approximate|DelaySeconds|MaximumMessageSize|MessageRetentionPeriod|ReceiveMessageWaitTimeSeconds|VisibilityTimeout|KmsDataKeyReusePeriodSeconds)/;

/** Adds the .NET-only members to a shaped response (in place). */
export function addDotnetMembers(prefix: string, op: string, res: Record<string, any>): void {
  const wrap = wrappedResponses[prefix]?.[op];
  if (wrap) {
    const inner: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(res)) inner[k] = v;
    // GetObjectTagging's "Tagging" is the tag list in AWS Tools.
    const value = op === 'GetObjectTagging' ? (res.TagSet ?? []) : inner;
    if (!Array.isArray(value)) setType(value, wrap[1]);
    res[wrap[0]] = value;
  }
  if (prefix === 'SQS' && op === 'GetQueueAttributes') {
    const attrs = res.Attributes as PSDictionary | Record<string, string> | undefined;
    const entries = attrs instanceof PSDictionary ? ([...attrs.entries()] as [string, string][]) : Object.entries(attrs ?? {});
    for (const [k, v] of entries) {
      const name = sqsPropertyNames[k] ?? k;
      res[name] = sqsNumeric.test(k) && /^-?\d+$/.test(v) ? Number(v) : k.endsWith('Timestamp') && /^\d+$/.test(v) ? new Date(Number(v) * 1000) : v;
    }
  }
  if (prefix === 'S3' && op === 'GetBucketWebsite') {
    const cfg = {
      IndexDocumentSuffix: res.IndexDocument?.Suffix ?? null,
      ErrorDocument: res.ErrorDocument?.Key ?? null,
      RedirectAllRequestsTo: res.RedirectAllRequestsTo ?? null,
      RoutingRules: res.RoutingRules ?? [],
    };
    setType(cfg, 'Amazon.S3.Model.WebsiteConfiguration');
    res.WebsiteConfiguration = cfg;
  }
}

interface StructInfo {
  typeName: string | undefined;
  /** Members holding structures or lists of structures: [name, member schema]. */
  nested: [string, NS][];
  /** List members: the .NET SDK (v3) creates them empty, so an unset one shows as `{}`, never as nothing. */
  lists: string[];
  /** Map members: .NET Dictionary<string, T> objects (`$m.Attributes['SenderId']`), empty when unset. */
  maps: [string, NS][];
}
const structCache = new WeakMap<object, StructInfo>();

/**
 * Tags nested structures of a response with their .NET type names (Reservation → Instances → Instance ...),
 * and gives EC2 IpPermissions their .NET `IpRanges` (CIDR strings) beside `Ipv4Ranges`.
 */
export function tagTree(value: unknown, ns: NS, prefix: string, typeNameFor: (prefix: string, shape: string | undefined) => string | undefined, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 12) return;
  if (Array.isArray(value)) {
    if (!ns.isListSchema()) return;
    const inner = ns.getValueSchema();
    for (const x of value) tagTree(x, inner, prefix, typeNameFor, depth + 1);
    return;
  }
  if (ns.isMapSchema()) {
    // A map member already made a Dictionary (its values tagged then).
    if (value instanceof PSDictionary) return;
    const inner = ns.getValueSchema();
    if (inner.isStructSchema() || inner.isListSchema()) for (const x of Object.values(value)) tagTree(x, inner, prefix, typeNameFor, depth + 1);
    return;
  }
  if (!ns.isStructSchema() || value instanceof Date || value instanceof Uint8Array) return;
  const info = structInfo(ns, prefix, typeNameFor);
  const o = value as Record<string | symbol, unknown>;
  if (depth > 0 && info.typeName && !(TYPE_NAME in o)) setType(o, info.typeName);
  for (const name of info.lists) if (o[name] === undefined) o[name] = [];
  for (const [name, mns] of info.maps) {
    const v = o[name];
    if (v === undefined || v === null || (typeof v === 'object' && !(v instanceof PSDictionary))) o[name] = toDictionary(v as Record<string, unknown> | null | undefined, mns, prefix, typeNameFor, depth);
  }
  for (const [name, mns] of info.nested) {
    const v = o[name];
    if (v !== undefined && v !== null) tagTree(v, mns, prefix, typeNameFor, depth + 1);
  }
  if (prefix === 'EC2' && ns.getName() === 'IpPermission' && Array.isArray(o.IpRanges) && o.Ipv4Ranges === undefined) {
    o.Ipv4Ranges = o.IpRanges;
    o.IpRanges = (o.IpRanges as { CidrIp?: string }[]).map((r) => r.CidrIp ?? '');
  }
  // .NET's S3Bucket names its Name member BucketName.
  if (prefix === 'S3' && ns.getName() === 'Bucket' && o.BucketName === undefined && typeof o.Name === 'string') {
    o.BucketName = o.Name;
  }
  // .NET's Reservation.GroupNames convenience (shown as GroupName in the guide).
  if (prefix === 'EC2' && ns.getName() === 'Reservation' && o.GroupName === undefined) {
    o.GroupName = ((o.Groups as { GroupName?: string }[] | undefined) ?? []).map((g) => g.GroupName ?? '');
  }
  // The .NET SDK's generated model classes declare their properties in name order, which is the order Format-List
  // shows (the guide's Instance, Image and SecurityGroup listings). S3's model is hand-written: its order stays; so
  // does IpPermission's, which the guide prints as IpProtocol, FromPort, ToPort, UserIdGroupPairs, IpRanges.
  if (prefix !== 'S3' && ns.getName() !== 'IpPermission') sortMembers(o);
}

const byName = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** Re-inserts an object's own enumerable members in name order (non-enumerable ones, like the type tag, stay). */
function sortMembers(o: Record<string, unknown>): void {
  const keys = Object.keys(o);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) if (byName(keys[i - 1]!, keys[i]!) > 0) sorted = false;
  if (sorted) return;
  const entries = keys.sort(byName).map((k) => [k, o[k]] as const);
  for (const k of keys) delete o[k];
  for (const [k, v] of entries) o[k] = v;
}

/** A response map as the .NET SDK's Dictionary<string, T>: string values typed String, others Object. */
function toDictionary(v: Record<string, unknown> | null | undefined, ns: NS, prefix: string, typeNameFor: (prefix: string, shape: string | undefined) => string | undefined, depth: number): PSDictionary {
  const inner = ns.getValueSchema();
  const d = new PSDictionary(resolveType('string'), inner.isStringSchema() ? resolveType('string') : resolveType('object'));
  if (v) {
    for (const [k, x] of Object.entries(v)) {
      if (x !== null && typeof x === 'object') tagTree(x, inner, prefix, typeNameFor, depth + 1);
      d.set(k, x);
    }
  }
  return d;
}

function structInfo(ns: NS, prefix: string, typeNameFor: (prefix: string, shape: string | undefined) => string | undefined): StructInfo {
  const key = (ns as unknown as { getSchema(): object }).getSchema();
  let info = typeof key === 'object' && key ? structCache.get(key) : undefined;
  if (info) return info;
  const nested: [string, NS][] = [];
  const lists: string[] = [];
  const maps: [string, NS][] = [];
  for (const [m, mns] of ns.structIterator()) {
    if (mns.isListSchema()) lists.push(m);
    if (mns.isMapSchema()) maps.push([m, mns]);
    let inner = mns;
    while (inner.isListSchema() || inner.isMapSchema()) inner = inner.getValueSchema();
    if (inner.isStructSchema()) nested.push([m, mns]);
  }
  info = { typeName: typeNameFor(prefix, ns.getName()), nested, lists, maps };
  if (typeof key === 'object' && key) structCache.set(key, info);
  return info;
}
