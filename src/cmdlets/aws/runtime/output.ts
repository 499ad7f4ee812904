// Shaping SDK responses the way AWS Tools shows them: .NET type names, .NET member names the guide uses
// (S3Objects, NextMarker), and -Select paths.
import { TYPE_NAME } from './credentials-value.js';
import { httpStatusName } from './aws-errors.js';
import type { NS } from './schema-values.js';
import { addDotnetMembers, syntheticMembers, tagTree } from './dotnet-shapes.js';

export const serviceNamespaces: Record<string, string> = {
  S3: 'Amazon.S3', EC2: 'Amazon.EC2', SQS: 'Amazon.SQS', SNS: 'Amazon.SimpleNotificationService', STS: 'Amazon.SecurityToken',
  IAM: 'Amazon.IdentityManagement', CW: 'Amazon.CloudWatch',
};
/** SDK shape name → .NET model class name, where they differ. */
const shapeRenames: Record<string, Record<string, string>> = {
  S3: { Bucket: 'S3Bucket', Object: 'S3Object', ObjectVersion: 'S3ObjectVersion', Owner: 'Owner' },
};
/** .NET member name → v3 member name, for -Select and the default output. */
const memberAliases: Record<string, Record<string, string>> = {
  S3: { s3objects: 'Contents', location: 'LocationConstraint' },
};

export function typeNameFor(prefix: string, shapeName: string | undefined): string | undefined {
  if (!shapeName) return undefined;
  const name = shapeRenames[prefix]?.[shapeName] ?? shapeName.replace(/(Output|Result)$/, 'Response');
  return `${serviceNamespaces[prefix] ?? 'Amazon'}.Model.${name}`;
}

export function tag<T>(value: T, typeName: string | undefined): T {
  if (typeName && value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    Object.defineProperty(value, TYPE_NAME, { value: typeName, enumerable: false, configurable: true, writable: true });
  }
  return value;
}

/** The response object scripts see: $metadata becomes ResponseMetadata / HttpStatusCode, and .NET helpers are added. */
export function shapeResponse(prefix: string, op: string, output: Record<string, any>, input: Record<string, any>, outputNs?: NS): Record<string, any> {
  const { $metadata, ...rest } = output ?? {};
  const res: Record<string, any> = rest;
  // S3 listings tag their objects below, cheaply: they are the hot path of big listings.
  if (outputNs && !(prefix === 'S3' && op.startsWith('ListObjects'))) tagTree(res, outputNs, prefix, typeNameFor);
  addDotnetMembers(prefix, op, res);
  if (prefix === 'S3' && (op === 'ListObjects' || op === 'ListObjectsV2')) {
    const contents: any[] = res.Contents ?? [];
    for (const o of contents) {
      o.BucketName = input.Bucket;
      tag(o, 'Amazon.S3.Model.S3Object');
      if (o.Owner) tag(o.Owner, 'Amazon.S3.Model.Owner');
    }
    // The .NET response names the listing S3Objects; Contents stays readable but is not one of its properties.
    Object.defineProperty(res, 'Contents', { value: contents, enumerable: false, writable: true, configurable: true });
    if (op === 'ListObjects') {
      // The .NET SDK fills NextMarker with the last key when a truncated V1 listing has none (no delimiter).
      const nextMarker = res.IsTruncated && !res.NextMarker && contents.length ? contents[contents.length - 1].Key : (res.NextMarker ?? null);
      // ListObjectsResponse's members, in its order (the guide's `-Select *` shows them all, empty ones too).
      const { IsTruncated, NextMarker: _next, Name, Prefix, MaxKeys, CommonPrefixes, Delimiter, ...others } = res;
      for (const k of Object.keys(res)) delete res[k];
      Object.assign(res, { IsTruncated: !!IsTruncated, NextMarker: nextMarker, S3Objects: contents, Name: Name ?? null, Prefix: Prefix ?? null, MaxKeys: MaxKeys ?? null, CommonPrefixes: (CommonPrefixes ?? []).map((c: any) => c?.Prefix ?? c), Delimiter: Delimiter ?? null }, others);
    } else res.S3Objects = contents;
  }
  if (prefix === 'S3' && op === 'GetBucketLocation') {
    res.Location = tag({ Value: res.LocationConstraint ?? '' }, 'Amazon.S3.S3Region');
  }
  res.ResponseMetadata = tag({ RequestId: $metadata?.requestId ?? '', Metadata: {} }, 'Amazon.Runtime.ResponseMetadata');
  res.HttpStatusCode = httpStatusName($metadata?.httpStatusCode ?? 200);
  return tag(res, typeNameFor(prefix, `${op}Response`));
}

export type Selector = (response: Record<string, any>) => unknown;

export class SelectError extends Error {}

/** Resolve a member name against a structure schema, case-insensitively, with .NET aliases. */
function memberOf(prefix: string, ns: NS | null, name: string): [string, NS | null] | null {
  const alias = memberAliases[prefix]?.[name.toLowerCase()];
  if (ns && ns.isStructSchema()) {
    for (const [m, mns] of ns.structIterator()) if (m.toLowerCase() === (alias ?? name).toLowerCase()) return [alias && m === alias ? name : m, mns];
    if (alias || syntheticMembers(prefix).has(name.toLowerCase())) return [name, null];
    if (['responsemetadata', 'httpstatuscode'].includes(name.toLowerCase())) return [name, null];
    return null;
  }
  return [name, null];
}

function getProp(obj: any, name: string): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

/**
 * Builds a selector for a dotted path on the response (collections flattened, nulls dropped).
 * Returns also the .NET type name of what it yields, when known.
 */
export function pathSelector(prefix: string, path: string, outputNs: NS): { select: Selector; itemType?: string } {
  const steps: string[] = [];
  let ns: NS | null = outputNs;
  for (const raw of path.split('.')) {
    const m = memberOf(prefix, ns, raw.trim());
    if (!m) throw new SelectError('Invalid value for -Select parameter.');
    steps.push(m[0]);
    ns = m[1];
    while (ns && ns.isListSchema()) ns = ns.getValueSchema();
  }
  const itemType = ns && ns.isStructSchema() ? typeNameFor(prefix, ns.getName()) : undefined;
  const select: Selector = (response) => {
    let current: unknown[] = [response];
    for (const step of steps) {
      const next: unknown[] = [];
      for (const c of current) {
        const v = getProp(c, step);
        if (v === null || v === undefined) continue;
        if (Array.isArray(v)) {
          for (const x of v) if (x !== null && x !== undefined) next.push(x);
        } else next.push(v);
      }
      current = next;
    }
    return current;
  };
  return { select, itemType };
}
