// Per-service parameter tables (generated), parsed from their JSON string on first use.
import { paramsJsonByService } from '../generated/params-index.js';

export interface GeneratedParam {
  name: string;
  /** Member path in the request (`['WebsiteConfiguration','IndexDocument','Suffix']`). */
  path: string[];
  kind: string;
  type: string;
  aliases?: string[];
  required?: 1;
  sensitive?: 1;
  /** The SDK enum the member takes (its values are in generated/enums-<svc>.ts). */
  e?: string;
}
export interface Paging {
  in: string;
  out: string;
  size?: string;
  truncated?: string;
  paginator?: 1;
}
export interface OperationEntry {
  p: GeneratedParam[];
  paging?: Paging;
}

const parsed = new Map<string, Record<string, OperationEntry>>();

export function operationEntry(prefix: string, op: string): OperationEntry | undefined {
  let t = parsed.get(prefix);
  if (!t) {
    const json = paramsJsonByService[prefix];
    if (!json) return undefined;
    t = JSON.parse(json) as Record<string, OperationEntry>;
    parsed.set(prefix, t);
  }
  return t[op];
}
