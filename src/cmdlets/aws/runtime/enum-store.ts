// Allowed values of the SDK enums that parameters are typed with (generated/enums-<svc>.ts). Tab completion is the
// only reader, so a service's table is imported and parsed on its first completion, never at start-up.
import { enumsJsonLoaders } from '../generated/enums-index.js';

const tables = new Map<string, Promise<Record<string, string[]>>>();

function serviceEnums(prefix: string): Promise<Record<string, string[]>> {
  let t = tables.get(prefix);
  if (!t) {
    const load = enumsJsonLoaders[prefix];
    t = load ? load().then((json) => JSON.parse(json) as Record<string, string[]>) : Promise.resolve({});
    tables.set(prefix, t);
  }
  return t;
}

/** The values of one enum of a service (`EC2`, `InstanceType`); empty when unknown. */
export async function enumValues(prefix: string, name: string): Promise<string[]> {
  return (await serviceEnums(prefix))[name] ?? [];
}

/** A parameter's argumentCompletions for an enum: AWS Tools' ConstantClass parameters offer these but accept any string. */
export function enumCompletions(prefix: string, name: string): () => Promise<string[]> {
  return () => enumValues(prefix, name);
}
