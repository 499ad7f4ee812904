// Values leaving the shell through `shell.invoke`: PowerShell's own representations become what a Node program
// expects (plain objects with ordered properties, JS numbers, strings, Dates, Buffers).
import { PSObject, PSHashtable } from '../runtime/values/objects.js';
import { PSDouble, PSNumber, PSDecimal, PSChar } from '../runtime/values/numbers.js';

const maxDepth = 64;

/** Convert one output object to plain JS. Class instances that aren't PowerShell value kinds pass through unchanged. */
export function toPlain(v: unknown): unknown {
  // The common cases first: a warm `invoke('1')` must not allocate.
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return v;
  if (t === 'bigint') return bigintToPlain(v as bigint);
  return convert(v, 0, new Map());
}

function bigintToPlain(b: bigint): number | bigint {
  const n = Number(b);
  // Keep a bigint only when a number would lose digits.
  return Number.isSafeInteger(n) ? n : b;
}

function convert(v: unknown, depth: number, seen: Map<object, unknown>): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v;
    case 'bigint':
      return bigintToPlain(v);
    case 'function':
      return null;
    case 'symbol':
      return String(v);
  }
  const o = v as object;
  if (o instanceof PSDouble) return o.value;
  if (o instanceof PSNumber) return typeof o.value === 'bigint' ? bigintToPlain(o.value) : o.value;
  if (o instanceof PSDecimal) return o.valueOf();
  if (o instanceof PSChar) return o.toString();
  if (o instanceof Date) return o;
  if (Buffer.isBuffer(o)) return o;
  if (o instanceof Uint8Array) return Buffer.from(o.buffer, o.byteOffset, o.byteLength);
  if (depth >= maxDepth) return null;
  const done = seen.get(o);
  if (done !== undefined) return done;
  if (Array.isArray(o)) {
    if (o.length > 0 && o.every((x) => x instanceof PSNumber && x.type === 'Byte')) return Buffer.from(o.map((x) => Number((x as PSNumber).value)));
    const out: unknown[] = [];
    seen.set(o, out);
    for (const x of o) out.push(convert(x, depth + 1, seen));
    return out;
  }
  if (o instanceof PSHashtable) {
    const out: Record<string, unknown> = {};
    seen.set(o, out);
    for (const [key, value] of o.map.values()) out[String(key)] = convert(value, depth + 1, seen);
    return out;
  }
  if (o instanceof PSObject) return psObjectToPlain(o, depth, seen);
  const proto = Object.getPrototypeOf(o);
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    seen.set(o, out);
    for (const [key, value] of Object.entries(o)) out[key] = convert(value, depth + 1, seen);
    return out;
  }
  return o;
}

function psObjectToPlain(o: PSObject, depth: number, seen: Map<object, unknown>): unknown {
  let hasNotes = false;
  for (const m of o.members.values()) if (m.memberType === 'NoteProperty') hasNotes = true;
  // A value decorated with Add-Member ScriptMethods only is still that value.
  if (!hasNotes && o.baseObject !== undefined && o.baseObject !== null) return convert(o.baseObject, depth, seen);
  const out: Record<string, unknown> = {};
  seen.set(o, out);
  for (const m of o.members.values()) {
    if (m.memberType === 'NoteProperty' || m.memberType === 'Property') out[m.name] = convert(m.value, depth + 1, seen);
  }
  for (const m of o.members.values()) {
    if (m.memberType === 'AliasProperty' && typeof m.value === 'string') {
      const target = o.getMember(m.value);
      if (target && target.memberType === 'NoteProperty') out[m.name] = out[target.name];
    }
  }
  return out;
}
