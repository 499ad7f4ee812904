// Per-cmdlet parameter customisations AWS Tools makes by hand (its .extensions.cs files): what a generated
// parameter accepts beyond its schema type.
import type { ParameterDecl } from '../../../runtime/cmdlet-api.js';
import { PSObject } from '../../../runtime/values/objects.js';
import { toStr } from '../../../runtime/values/convert.js';

function prop(o: unknown, name: string): unknown {
  if (o instanceof PSObject) return o.getMember(name)?.value ?? (o.baseObject && o.baseObject !== o ? prop(o.baseObject, name) : undefined);
  if (o && typeof o === 'object') return (o as Record<string, unknown>)[name];
  return undefined;
}

/** Instance ids from strings, Instance objects, or Reservations (all their instances), as AWS Tools' EC2 cmdlets take them. */
export function instanceIdsFrom(value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) return v.forEach(visit);
    if (typeof v === 'string') return void out.push(v);
    const instances = prop(v, 'Instances');
    if (Array.isArray(instances)) return instances.forEach(visit);
    const id = prop(v, 'InstanceId');
    if (typeof id === 'string') return void out.push(id);
    out.push(String(v));
  };
  visit(value);
  return out;
}

const instanceIdParam: Partial<ParameterDecl> = { type: instanceIdsFrom, aliases: ['InstanceIds', 'Instance'] };

/** cmdlet name (lower case) → parameter name → overrides. */
export const parameterOverrides: Record<string, Record<string, Partial<ParameterDecl>>> = {
  'stop-ec2instance': { InstanceId: instanceIdParam },
  'start-ec2instance': { InstanceId: instanceIdParam },
  'remove-ec2instance': { InstanceId: instanceIdParam },
  'restart-ec2instance': { InstanceId: instanceIdParam },
  // Get-S3Object's hand-set aliases and positions (`Get-S3Object mybucket photos/ -KeyPrefix ... -MaxKeys ...`);
  // -Key is what the guide passes for the prefix.
  'get-s3object': {
    Prefix: { aliases: ['KeyPrefix', 'Key'], position: 1 },
    MaxKey: { aliases: ['MaxItems', 'MaxKeys'] },
    Marker: { aliases: ['NextToken'] },
  },
  'get-s3objectv2': { Prefix: { aliases: ['KeyPrefix', 'Key'], position: 1 } },
};

/**
 * The converter of a [string] pipeline parameter. pwsh binds a piped object by property name before it coerces
 * the object itself to the parameter's type, so an object carrying the parameter (`[pscustomobject]@{BucketName=..}`)
 * must not bind by value as its string form: refusing it here lets the binder fall through to property binding.
 */
export function pipelineString(names: string[]): (value: unknown) => unknown {
  const lower = names.map((n) => n.toLowerCase());
  return (value) => {
    if (value === null || value === undefined) return null;
    if (value instanceof PSObject && (value.baseObject === undefined || value.baseObject === null || value.baseObject === value)) {
      for (const m of value.properties()) if (lower.includes(m.name.toLowerCase())) throw new Error('The object binds by property name.');
    }
    return toStr(value);
  };
}

/** A compiled cmdlet's [string] parameter: $null stays $null (AWS Tools warns about a $null required member). */
export function nullableString(value: unknown): unknown {
  return value === null || value === undefined ? null : toStr(value);
}

/**
 * Request fix-ups where services accept what the guide types but stricter emulators do not (protocol and action
 * names are case-insensitive in the services): prefix.operation → function of the request.
 */
export const requestFixups: Record<string, (req: Record<string, any>) => void> = {
  'SNS.Subscribe': (req) => {
    if (typeof req.Protocol === 'string') req.Protocol = req.Protocol.toLowerCase();
  },
  'SNS.AddPermission': (req) => {
    if (Array.isArray(req.ActionName)) req.ActionName = req.ActionName.map((a: string) => (typeof a === 'string' && a ? a[0]!.toUpperCase() + a.slice(1) : a));
  },
};
