// Per-cmdlet parameter customisations AWS Tools makes by hand (its .extensions.cs files): what a generated
// parameter accepts beyond its schema type.
import type { ParameterDecl } from '../../../runtime/cmdlet-api.js';
import { PSObject } from '../../../runtime/values/objects.js';

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
};
