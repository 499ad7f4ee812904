// Members that Update-TypeData adds to every object of a type (pwsh's dynamic type data): note, alias and script
// properties and script methods, found by an object's PSTypeNames after its own (instance) members.
import type { PSMember } from '../values/objects.js';

const typeMembers = new Map<string, Map<string, PSMember>>();

/** Adds (or with `force` replaces) a member for a type; false when it exists and `force` is not given. */
export function addTypeMember(typeName: string, member: PSMember, force: boolean): boolean {
  const key = typeName.toLowerCase();
  let members = typeMembers.get(key);
  if (!members) typeMembers.set(key, (members = new Map()));
  const name = member.name.toLowerCase();
  if (members.has(name) && !force) return false;
  members.set(name, member);
  return true;
}

/** Drops all members added for a type. */
export function removeTypeMembers(typeName: string): boolean {
  return typeMembers.delete(typeName.toLowerCase());
}

/** The first type (most derived first) that has a member of this name. */
export function typeMemberOf(typeNames: readonly string[], name: string): PSMember | undefined {
  if (typeMembers.size === 0) return undefined;
  const lname = name.toLowerCase();
  for (const t of typeNames) {
    const m = typeMembers.get(t.toLowerCase())?.get(lname);
    if (m) return m;
  }
  return undefined;
}

/** All type members of these types, most derived type first, each name once. */
export function typeMembersOf(typeNames: readonly string[]): PSMember[] {
  if (typeMembers.size === 0) return [];
  const seen = new Set<string>();
  const out: PSMember[] = [];
  for (const t of typeNames) {
    for (const [name, m] of typeMembers.get(t.toLowerCase()) ?? []) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push(m);
    }
  }
  return out;
}
