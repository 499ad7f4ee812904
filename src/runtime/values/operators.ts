// PowerShell binary operators as pure functions. The LEFT operand decides the operation's type.
import { ScriptBlock } from '../interpreter/scriptblock.js';
import type { BinaryOperator } from '../../parser/ast.js';
import { requireSync, runtimeError } from '../errors.js';
import { numericCompare, numericNegate, numericOp, roundHalfEven, toIntegral } from './arithmetic.js';
import { parseNumber, psTypeName, toBool, toNumber, toStr } from './convert.js';
import { formatComposite } from './format.js';
import { PSChar, PSDecimal, PSDouble, PSNumber, isInt32, isNumeric, INT32_MAX, INT32_MIN } from './numbers.js';
import { ClassInstance, PSHashtable, PSObject } from './objects.js';
import { escapeRegex, makeMatchObject, matchesTable, splitByRegExp, toJsRegExp } from './regex.js';
import { wildcardToRegExp } from './wildcard.js';

export interface OperatorEnv {
  /** -match/-notmatch set $Matches (a PSHashtable of groups); not called when nothing matched. */
  setMatches(m: PSHashtable | null): void;
  /** Current $OFS, used when an array is converted to a string (e.g. `"a" + @(1,2)`). */
  ofs(): string;
  /** Run a script block with $_ set (for `-replace 'x', { $_.Value }` and `-split { ... }`); returns its output. */
  /** `args` becomes `$args` (-split's predicate gets the whole string and the index). A Promise when it went async. */
  invokeScriptBlock(sb: unknown, dollarUnder: unknown, args?: unknown[]): unknown;
}

function isScriptBlock(v: unknown): boolean {
  return v instanceof ScriptBlock;
}

function unwrap(v: unknown): unknown {
  // A PSObject wrapping a base value behaves as the base value in operators.
  if (v instanceof PSObject && v.baseObject !== undefined && v.baseObject !== null) return v.baseObject;
  return v === undefined ? null : v;
}

function methodNotFound(v: unknown, method: string): Error {
  return runtimeError(
    `Method invocation failed because [${psTypeName(v)}] does not contain a method named '${method}'.`,
    'MethodNotFound',
    { category: 'InvalidOperation', exceptionType: 'System.Management.Automation.RuntimeException', target: v },
  );
}

// ---- arithmetic -----------------------------------------------------------------------------------------

/** `+`: string concatenation, array concatenation, hashtable merge or numeric addition. */
export function add(l: unknown, r: unknown, ofs = ' '): unknown {
  if (typeof l === 'number' && typeof r === 'number' && isInt32(l) && isInt32(r)) return l + r;
  l = unwrap(l);
  r = r === undefined ? null : r;
  if (l === null) return r;
  if (typeof l === 'string') return l + toStr(r, ofs);
  // A char on the left concatenates as a one-character string ([char]'a' + 1 is 'a1'), unlike `-`.
  if (l instanceof PSChar) return String.fromCharCode(l.code) + toStr(r, ofs);
  if (Array.isArray(l)) return Array.isArray(r) ? l.concat(r) : [...l, r];
  if (l instanceof PSHashtable) return addHashtables(l, unwrap(r));
  if (isNumeric(l) || typeof l === 'boolean') return numericOp('+', toNumber(l), numericValue(r));
  if (asEnum(l)) return enumArithmetic('+', l, r);
  if (l instanceof Date) {
    const rr = unwrap(r);
    const ms = (rr as { TotalMilliseconds?: number })?.TotalMilliseconds;
    if (typeof ms === 'number') return new Date(l.getTime() + ms);
  }
  throw methodNotFound(l, 'op_Addition');
}

function addHashtables(l: PSHashtable, r: unknown): PSHashtable {
  if (!(r instanceof PSHashtable)) {
    throw runtimeError('A hash table can only be added to another hash table.', 'AddHashTableToNonHashTable', {
      category: 'InvalidOperation',
    });
  }
  const out = l.clone();
  for (const [k, v] of r.entries()) {
    if (out.has(k)) {
      const existing = [...out.keys()].find((x) => PSHashtable.normalizeKey(x) === PSHashtable.normalizeKey(k));
      throw runtimeError(
        `Item has already been added. Key in dictionary: '${toStr(existing)}'  Key being added: '${toStr(k)}'`,
        'System.ArgumentException',
        { category: 'NotSpecified', exceptionType: 'System.ArgumentException' },
      );
    }
    out.set(k, v);
  }
  return out;
}

/** The right operand of arithmetic as a number: an enum counts as its value. */
function numericValue(v: unknown): unknown {
  const u = unwrap(v);
  const e = asEnum(u);
  return e ? e.value : toNumber(u);
}

/** Arithmetic with an enum on the left is done on its value, and the result is of the enum's type again. */
function enumArithmetic(op: '+' | '-' | '*' | '/' | '%', l: unknown, r: unknown): unknown {
  const n = numericOp(op, asEnum(unwrap(l))!.value, numericValue(r));
  return typeof n === 'number' && Number.isInteger(n) ? bitResult(l, n) : n;
}

function numericOperand(v: unknown, method: string): unknown {
  v = unwrap(v);
  const e = asEnum(v);
  if (e) return e.value;
  // Objects that are not numbers would need an operator method of their type (op_Subtraction...): none here.
  if (typeof v === 'object' && v !== null && !(v instanceof PSDouble || v instanceof PSDecimal || v instanceof PSNumber || v instanceof PSChar)) {
    throw methodNotFound(v, method);
  }
  return toNumber(v);
}

export function subtract(l: unknown, r: unknown): unknown {
  if (typeof l === 'number' && typeof r === 'number' && isInt32(l) && isInt32(r)) return l - r;
  const lu = unwrap(l);
  if (lu instanceof Date) {
    const ru = unwrap(r);
    if (ru instanceof Date) return { TotalMilliseconds: lu.getTime() - ru.getTime(), isTimeSpanLike: true };
    const ms = (ru as { TotalMilliseconds?: number })?.TotalMilliseconds;
    if (typeof ms === 'number') return new Date(lu.getTime() - ms);
  }
  if (asEnum(lu)) return enumArithmetic('-', lu, r);
  return numericOp('-', numericOperand(l, 'op_Subtraction'), numericValue(r));
}

/** `*`: string repetition, array repetition or numeric multiplication. */
export function multiply(l: unknown, r: unknown): unknown {
  if (typeof l === 'number' && typeof r === 'number' && isInt32(l) && isInt32(r)) {
    const p = l * r;
    return p === 0 ? 0 : p;
  }
  l = unwrap(l);
  if (typeof l === 'string') return l.repeat(repeatCount(r));
  if (Array.isArray(l)) {
    const n = repeatCount(r);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) for (const x of l) out.push(x);
    return out;
  }
  if (asEnum(l)) return enumArithmetic('*', l, r);
  return numericOp('*', numericOperand(l, 'op_Multiply'), numericValue(r));
}

function repeatCount(r: unknown): number {
  const n = toNumber(unwrap(r));
  const c = Number(toIntegral(n));
  if (c < 0 || !Number.isFinite(c)) {
    throw runtimeError(`Cannot convert value "${toStr(r)}" to type "System.UInt32".`, 'InvalidCastIConvertible', {
      category: 'InvalidArgument',
      exceptionType: 'System.Management.Automation.PSInvalidCastException',
    });
  }
  return c;
}

export function divide(l: unknown, r: unknown): unknown {
  if (asEnum(unwrap(l))) return enumArithmetic('/', l, r);
  return numericOp('/', numericOperand(l, 'op_Division'), numericValue(r));
}

export function modulo(l: unknown, r: unknown): unknown {
  if (asEnum(unwrap(l))) return enumArithmetic('%', l, r);
  return numericOp('%', numericOperand(l, 'op_Modulus'), numericValue(r));
}

/** Unary minus. */
export function negate(v: unknown): unknown {
  return numericNegate(numericOperand(v, 'op_UnaryNegation'));
}

/** Unary plus: the operand as a number. */
export function unaryPlus(v: unknown): unknown {
  const u = unwrap(v);
  if (typeof u === 'string' || typeof u === 'boolean' || u === null || u instanceof PSChar) return toNumber(u);
  return u;
}

// ---- bitwise --------------------------------------------------------------------------------------------

/** An enum value (types/PSEnumValue, seen structurally: values/ does not depend on types/). */
interface EnumLike {
  type: { IsEnum: boolean };
  value: number;
  operandValue?: unknown;
}
function enumNumber(v: unknown): unknown {
  const e = asEnum(v);
  return e ? e.value : v;
}
function asEnum(v: unknown): EnumLike | null {
  const e = v as EnumLike | null;
  return e !== null && typeof e === 'object' && typeof e.value === 'number' && (e.type as { IsEnum?: boolean } | undefined)?.IsEnum === true ? e : null;
}

/** Enum operands count as their values; the right one may also be a name (`$flags -band 'Read'`). */
function bitOperand(v: unknown, left: EnumLike | null): unknown {
  const u = unwrap(v);
  const e = asEnum(u);
  if (e) return e.value;
  if (left && typeof u === 'string') {
    const n = (left as unknown as { operandValue(o: unknown): number | null }).operandValue(u);
    if (n !== null) return n;
  }
  return u;
}

function bitOperands(l: unknown, r: unknown): [number, number] | [bigint, bigint] {
  const le = asEnum(unwrap(l));
  const a = toIntegral(toNumber(bitOperand(l, null)));
  const b = toIntegral(toNumber(bitOperand(r, le)));
  if (typeof a === 'number' && typeof b === 'number') return [a, b];
  return [BigInt(a), BigInt(b)];
}

function int64Or32(b: bigint): number | bigint {
  return b;
}

/** A bitwise result with an enum on the left is of that enum's type (pwsh converts the result back). */
function bitResult(l: unknown, n: number | bigint): unknown {
  const e = asEnum(unwrap(l));
  if (!e) return n;
  const Ctor = (e as unknown as { constructor: new (t: unknown, v: number) => unknown }).constructor;
  return new Ctor(e.type, Number(n));
}

export function bitAnd(l: unknown, r: unknown): unknown {
  const [a, b] = bitOperands(l, r);
  return bitResult(l, typeof a === 'number' ? a & (b as number) : int64Or32(BigInt.asIntN(64, a & (b as bigint))));
}
export function bitOr(l: unknown, r: unknown): unknown {
  const [a, b] = bitOperands(l, r);
  return bitResult(l, typeof a === 'number' ? a | (b as number) : int64Or32(BigInt.asIntN(64, a | (b as bigint))));
}
export function bitXor(l: unknown, r: unknown): unknown {
  const [a, b] = bitOperands(l, r);
  return bitResult(l, typeof a === 'number' ? a ^ (b as number) : int64Or32(BigInt.asIntN(64, a ^ (b as bigint))));
}
export function shiftLeft(l: unknown, r: unknown): unknown {
  const a = toIntegral(toNumber(unwrap(l)));
  const b = Number(toIntegral(toNumber(unwrap(r))));
  if (typeof a === 'number') return a << (b & 31);
  return BigInt.asIntN(64, a << BigInt(b & 63));
}
export function shiftRight(l: unknown, r: unknown): unknown {
  const a = toIntegral(toNumber(unwrap(l)));
  const b = Number(toIntegral(toNumber(unwrap(r))));
  if (typeof a === 'number') return a >> (b & 31);
  return a >> BigInt(b & 63);
}
export function bitNot(v: unknown): unknown {
  const a = toIntegral(toNumber(unwrap(v)));
  return typeof a === 'number' ? ~a : BigInt.asIntN(64, ~a);
}

// ---- comparison -----------------------------------------------------------------------------------------

let collatorCI: Intl.Collator | null = null;
let collatorCS: Intl.Collator | null = null;

/** Culture-aware (invariant) string comparison: 'a' < 'B'; case-sensitive puts lower case first. */
export function compareStrings(a: string, b: string, caseSensitive: boolean): number {
  if (a === b) return 0;
  if (caseSensitive) {
    collatorCS ??= new Intl.Collator('en-US', { sensitivity: 'variant', caseFirst: 'lower' });
    return Math.sign(collatorCS.compare(a, b));
  }
  collatorCI ??= new Intl.Collator('en-US', { sensitivity: 'accent' });
  return Math.sign(collatorCI.compare(a, b));
}

function stringsEqual(a: string, b: string, caseSensitive: boolean): boolean {
  if (a === b) return true;
  if (caseSensitive || a.length !== b.length) return caseSensitive ? false : a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
  return a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

/** Convert `v` to the type of the numeric value `like` for a comparison; null when it cannot be converted. */
function toNumericLike(like: unknown, v: unknown): unknown {
  v = unwrap(v);
  if (v === null) return null;
  if (isNumeric(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PSChar) return v.code;
  if (Array.isArray(v)) return v.length === 1 ? toNumericLike(like, v[0]) : null;
  if (typeof v === 'string') {
    // A decimal compares with the string's exact decimal value (its 29 digits exceed a double's precision).
    if (like instanceof PSDecimal && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return PSDecimal.parse(v);
    const n = parseNumber(v);
    if (n === null) return null;
    // [int]"1.5" rounds (to even), so an integral left operand compares with the rounded value.
    const lk = like;
    if ((typeof lk === 'number' && isInt32(lk)) || typeof lk === 'bigint') {
      if (typeof n === 'number' && !isInt32(n)) return roundHalfEven(n);
      if (n instanceof PSDouble) return n.value;
    }
    return n;
  }
  return null;
}

/** LanguagePrimitives.Equals: the right operand is converted to the left's type. */
export function equals(l: unknown, r: unknown, caseSensitive = false): boolean {
  if (l === r) return true;
  // Double.Equals treats NaN as equal to NaN.
  if (typeof l === 'number' && typeof r === 'number') return l !== l && r !== r;
  l = unwrap(l);
  r = unwrap(r);
  if (l === null) return r === null;
  if (r === null) return false;
  // A script class that implements Equals (IEquatable) decides; otherwise instances are equal only to themselves.
  if (l instanceof ClassInstance) return !!requireSync(l.behaviour.invoke(l, 'equals', [r])?.value);
  if (typeof l === 'string') return stringsEqual(l, typeof r === 'string' ? r : toStr(r), caseSensitive);
  if (isNumeric(l)) {
    const rn = toNumericLike(l, r);
    return rn !== null && numericCompare(l, rn) === 0;
  }
  if (typeof l === 'boolean') return l === toBool(r);
  if (l instanceof PSChar) {
    let rc: number | null = null;
    if (r instanceof PSChar) rc = r.code;
    else if (typeof r === 'string' && r.length === 1) rc = r.charCodeAt(0);
    else if (isNumeric(r)) return numericCompare(l.code, r) === 0;
    if (rc === null) return false;
    if (rc === l.code) return true;
    if (caseSensitive) return false;
    const a = String.fromCharCode(l.code);
    const b = String.fromCharCode(rc);
    return a.toUpperCase() === b.toUpperCase();
  }
  if (l instanceof Date) {
    const rd = r instanceof Date ? r : typeof r === 'string' ? dateFromString(r) : null;
    return rd !== null && l.getTime() === rd.getTime();
  }
  const eq = (l as { equals?: (o: unknown) => boolean }).equals;
  if (typeof eq === 'function') return eq.call(l, r);
  return false;
}

/**
 * A string on the right of a DateTime comparison, read as a date. A bare date is local midnight, as .NET reads it
 * (JS would take it as UTC).
 */
function dateFromString(s: string): Date | null {
  const d = new Date(/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(s) ? s.trim() + 'T00:00:00' : s);
  return Number.isNaN(d.getTime()) ? null : d;
}

function notComparable(l: unknown): Error {
  return runtimeError(
    `Cannot compare "${toStr(l)}" because it is not IComparable.`,
    'NotIcomparable',
    { category: 'InvalidOperation', exceptionType: 'System.Management.Automation.ExtendedTypeSystemException' },
  );
}

function comparisonFailure(l: unknown, r: unknown): Error {
  return runtimeError(
    `Cannot compare "${toStr(l)}" to "${toStr(r)}" because the objects are not the same type or the object "${toStr(l)}" does not implement "IComparable".`,
    'ComparisonFailure',
    { category: 'InvalidOperation', exceptionType: 'System.Management.Automation.ExtendedTypeSystemException' },
  );
}

/** Where null sorts relative to a value: non-negative numbers and non-numbers are greater than null. */
function compareToNull(v: unknown): number {
  if (isNumeric(v)) {
    const n = Number((v as { valueOf(): unknown }).valueOf());
    return n < 0 ? -1 : 1;
  }
  return 1;
}

/** LanguagePrimitives.Compare: <0, 0, >0; right converted to left's type; null sorts first. */
export function compare(l: unknown, r: unknown, caseSensitive = false): number {
  if (typeof l === 'number' && typeof r === 'number') return l < r ? -1 : l > r ? 1 : numericCompare(l, r);
  l = unwrap(l);
  r = unwrap(r);
  if (l === null) return r === null ? 0 : -compareToNull(r);
  if (r === null) return compareToNull(l);
  if (l instanceof ClassInstance) {
    // IComparable script classes: their CompareTo (Sort-Object, -lt/-gt).
    const c = l.behaviour.invoke(l, 'compareto', [r]);
    if (c) return Number(toNumber(requireSync(c.value)));
  }
  if (typeof l === 'string') return compareStrings(l, typeof r === 'string' ? r : toStr(r), caseSensitive);
  if (isNumeric(l)) {
    const rn = toNumericLike(l, r);
    if (rn === null) throw comparisonFailure(l, r);
    return numericCompare(l, rn);
  }
  if (typeof l === 'boolean') {
    const b = toBool(r);
    return l === b ? 0 : l ? 1 : -1;
  }
  if (l instanceof PSChar) {
    let rc: number;
    if (r instanceof PSChar) rc = r.code;
    else if (typeof r === 'string' && r.length === 1) rc = r.charCodeAt(0);
    else if (isNumeric(r)) return numericCompare(l.code, r);
    else throw comparisonFailure(l, r);
    if (!caseSensitive) return compareStrings(String.fromCharCode(l.code), String.fromCharCode(rc), false) || Math.sign(l.code - rc) * 0;
    return l.code < rc ? -1 : l.code > rc ? 1 : 0;
  }
  if (l instanceof Date) {
    if (r instanceof Date) return Math.sign(l.getTime() - r.getTime());
    if (typeof r === 'string') {
      const d = dateFromString(r);
      if (d !== null) return Math.sign(l.getTime() - d.getTime());
    }
    throw comparisonFailure(l, r);
  }
  const cmp = (l as { compareTo?: (o: unknown) => number }).compareTo;
  if (typeof cmp === 'function') {
    let c: number;
    try {
      c = cmp.call(l, r);
    } catch (e) {
      // A value's compareTo rejects what it cannot convert (by throwing, or with NaN): pwsh's "Cannot compare" error.
      if (e instanceof TypeError) throw comparisonFailure(l, r);
      throw e;
    }
    if (Number.isNaN(c)) throw comparisonFailure(l, r);
    return c;
  }
  if (equals(l, r, caseSensitive)) return 0;
  throw notComparable(l);
}

function comparisonOp(op: string, l: unknown, r: unknown, cs: boolean): boolean {
  switch (op) {
    case '-eq':
      return equals(l, r, cs);
    case '-ne':
      return !equals(l, r, cs);
    case '-gt':
      return compare(l, r, cs) > 0;
    case '-ge':
      return compare(l, r, cs) >= 0;
    case '-lt':
      return compare(l, r, cs) < 0;
    default:
      return compare(l, r, cs) <= 0;
  }
}

/** -eq -ne -gt -ge -lt -le: scalar → bool; array on the left → the elements for which it holds. */
export function compareOp(op: '-eq' | '-ne' | '-gt' | '-ge' | '-lt' | '-le', l: unknown, r: unknown, cs = false): unknown {
  if (Array.isArray(l)) {
    const out: unknown[] = [];
    for (const x of l) if (comparisonOp(op, x, r, cs)) out.push(x);
    return out;
  }
  return comparisonOp(op, l, r, cs);
}

/** -contains: does the collection (a scalar counts as one item) hold an item equal to `item`? */
export function contains(collection: unknown, item: unknown, cs = false): boolean {
  collection = unwrap(collection);
  if (Array.isArray(collection)) {
    for (const x of collection) if (equals(x, item, cs)) return true;
    return false;
  }
  return equals(collection, item, cs);
}

// ---- -like / -match -------------------------------------------------------------------------------------

/** Scalar -like. */
export function like(s: unknown, pattern: unknown, cs = false): boolean {
  return wildcardToRegExp(toStr(pattern), cs).test(toStr(s));
}

function likeOp(l: unknown, r: unknown, cs: boolean, negated: boolean): unknown {
  const re = wildcardToRegExp(toStr(r), cs);
  if (Array.isArray(l)) return l.filter((x) => re.test(toStr(x)) !== negated);
  return re.test(toStr(l)) !== negated;
}

/** -match / -notmatch. Scalar: bool and $Matches on success; array: the matching (or non-matching) elements. */
export function match(l: unknown, r: unknown, cs: boolean, env: OperatorEnv, negated = false): unknown {
  const re = toJsRegExp(toStr(r), { ignoreCase: !cs });
  if (Array.isArray(l)) return l.filter((x) => re.test(toStr(x)) !== negated);
  const input = toStr(l);
  const m = re.exec(input);
  if (m) env.setMatches(matchesTable(m, re));
  return (m !== null) !== negated;
}

// ---- -replace -------------------------------------------------------------------------------------------

type ReplacementPart = string | { group: number | string; raw: string };

const replacementCache = new Map<string, ReplacementPart[]>();

/** Parse a .NET replacement string ($1, ${name}, $$, $&, $`, $', $+, $_) into parts. */
function parseReplacement(text: string): ReplacementPart[] {
  let parts = replacementCache.get(text);
  if (parts) return parts;
  parts = [];
  let lit = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$' || i + 1 >= text.length) {
      lit += c;
      continue;
    }
    const d = text[i + 1];
    let part: ReplacementPart | null = null;
    let len = 0;
    if (d === '$') {
      lit += '$';
      i++;
      continue;
    } else if (d === '{') {
      const end = text.indexOf('}', i + 2);
      if (end > i + 2) {
        const name = text.slice(i + 2, end);
        if (/^\w+$/.test(name)) {
          part = { group: /^\d+$/.test(name) ? Number(name) : name, raw: text.slice(i, end + 1) };
          len = end + 1 - i;
        }
      }
    } else if (d >= '0' && d <= '9') {
      let j = i + 1;
      while (j < text.length && text[j] >= '0' && text[j] <= '9') j++;
      part = { group: Number(text.slice(i + 1, j)), raw: text.slice(i, j) };
      len = j - i;
    } else if ('&`\'+_'.includes(d)) {
      part = { group: d, raw: '$' + d };
      len = 2;
    }
    if (part) {
      if (lit) parts.push(lit);
      lit = '';
      parts.push(part);
      i += len - 1;
    } else lit += c;
  }
  if (lit) parts.push(lit);
  if (replacementCache.size > 500) replacementCache.clear();
  replacementCache.set(text, parts);
  return parts;
}

function expandReplacement(parts: ReplacementPart[], m: RegExpExecArray, input: string, re: RegExp): string {
  let out = '';
  let mo: ReturnType<typeof makeMatchObject> | null = null;
  for (const p of parts) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    const g = p.group;
    if (g === '&' || g === 0) out += m[0];
    else if (g === '`') out += input.slice(0, m.index);
    else if (g === "'") out += input.slice(m.index + m[0].length);
    else if (g === '_') out += input;
    else if (g === '+') out += m.length > 1 ? (m[m.length - 1] ?? '') : '';
    else {
      mo ??= makeMatchObject(m, input, re);
      const grp = typeof g === 'number' ? mo.Groups.items.find((x) => x.Name === String(g)) : mo.Groups.items.find((x) => x.Name === g);
      // An unknown group reference stays literal, as in .NET.
      if (!grp) out += p.raw;
      else out += grp.Value;
    }
  }
  return out;
}

function tooManyReplaceArgs(n: number): Error {
  return runtimeError(`The -replace operator allows only two elements to follow it, not ${n}.`, 'BadReplaceArgument', {
    category: 'InvalidOperation',
  });
}

/** -replace: `l -replace pattern[, replacement]`; array on the left maps; a script block computes replacements. */
export function replace(l: unknown, r: unknown, cs: boolean, env: OperatorEnv): unknown {
  let pattern: unknown = r;
  let replacement: unknown = '';
  if (Array.isArray(r)) {
    if (r.length > 2) throw tooManyReplaceArgs(r.length);
    pattern = r[0];
    replacement = r.length > 1 ? r[1] : '';
  }
  const re = toJsRegExp(toStr(pattern), { ignoreCase: !cs, global: true });
  const one = (x: unknown): string | Promise<string> => replaceOne(toStr(x), re, replacement, env);
  if (Array.isArray(l)) return mapInOrder(l, one, 0, []);
  return one(l);
}

/** Maps items in order; once f goes async (a script block ran an async command), the rest follow it. */
function mapInOrder(items: unknown[], f: (x: unknown) => unknown, i: number, out: unknown[]): unknown[] | Promise<unknown[]> {
  for (; i < items.length; i++) {
    const v = f(items[i]);
    if (v instanceof Promise) {
      const next = i + 1;
      return v.then((x) => (out.push(x), mapInOrder(items, f, next, out)));
    }
    out.push(v);
  }
  return out;
}

function replaceOne(input: string, re: RegExp, replacement: unknown, env: OperatorEnv): string | Promise<string> {
  re.lastIndex = 0;
  const sb = isScriptBlock(replacement);
  const parts = sb ? null : parseReplacement(toStr(replacement));
  // With a script block: the text between matches and the match objects, evaluated in order afterwards (matching
  // never depends on the script block), so one that runs an async command is waited for before the next runs.
  const pieces: unknown[] | null = sb ? [] : null;
  let out = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    out += input.slice(last, m.index);
    if (pieces) {
      pieces.push(out, makeMatchObject(m, input, re));
      out = '';
    } else out += expandReplacement(parts!, m, input, re);
    last = m.index + m[0].length;
    if (m[0].length === 0) {
      if (re.lastIndex >= input.length) {
        re.lastIndex = 0;
        break;
      }
      re.lastIndex++;
    }
  }
  re.lastIndex = 0;
  if (pieces) {
    pieces.push(out + input.slice(last));
    return replacePieces(replacement, pieces, 0, '', env);
  }
  return out + input.slice(last);
}

/** Joins text and script-block results (`pieces` alternates text and match objects); a Promise once one goes async. */
function replacePieces(sb: unknown, pieces: unknown[], i: number, acc: string, env: OperatorEnv): string | Promise<string> {
  for (; i < pieces.length; i++) {
    const p = pieces[i];
    if (typeof p === 'string') {
      acc += p;
      continue;
    }
    // The match is `$_` for a script block and `$args[0]` for one cast to a MatchEvaluator delegate.
    const v = env.invokeScriptBlock(sb, p, [p]);
    if (v instanceof Promise) {
      const next = i + 1;
      return v.then((x) => replacePieces(sb, pieces, next, acc + toStr(unwrapOutput(x)), env));
    }
    acc += toStr(unwrapOutput(v));
  }
  return acc;
}

/** Script block output: a one-element result is the element itself. */
function unwrapOutput(v: unknown): unknown {
  return Array.isArray(v) && v.length === 1 ? v[0] : v;
}

// ---- -split ---------------------------------------------------------------------------------------------

interface SplitOptions {
  simple: boolean;
  ignoreCase: boolean;
  multiline: boolean;
  singleline: boolean;
  explicitCapture: boolean;
  ignorePatternWhitespace: boolean;
}

function parseSplitOptions(v: unknown, cs: boolean): SplitOptions {
  const o: SplitOptions = {
    simple: false,
    ignoreCase: !cs,
    multiline: false,
    singleline: false,
    explicitCapture: false,
    ignorePatternWhitespace: false,
  };
  const text = Array.isArray(v) ? v.map((x) => toStr(x)).join(',') : toStr(v);
  // Options other than IgnoreCase (RegexMatch and CultureInvariant included) may not accompany SimpleMatch.
  let regexOnly = false;
  for (const raw of text.split(',')) {
    const name = raw.trim().toLowerCase();
    if (!name || name === 'none') continue;
    if (name === 'simplematch') o.simple = true;
    else if (name === 'ignorecase') o.ignoreCase = true;
    else if (name === 'regexmatch' || name === 'cultureinvariant') regexOnly = true;
    else if (name === 'multiline') o.multiline = regexOnly = true;
    else if (name === 'singleline') o.singleline = regexOnly = true;
    else if (name === 'explicitcapture') o.explicitCapture = regexOnly = true;
    else if (name === 'ignorepatternwhitespace') o.ignorePatternWhitespace = regexOnly = true;
    else {
      throw runtimeError(
        `Cannot convert value "${raw.trim()}" to type "System.Management.Automation.SplitOptions". Error: "Unable to match the identifier name ${raw.trim()} to a valid enumerator name. Specify one of the following enumerator names and try again:\nSimpleMatch, RegexMatch, CultureInvariant, IgnorePatternWhitespace, Multiline, Singleline, IgnoreCase, ExplicitCapture"`,
        'InvalidCastFromStringToEnum',
        { category: 'InvalidArgument', exceptionType: 'System.Management.Automation.PSInvalidCastException' },
      );
    }
  }
  if (o.simple && regexOnly) {
    throw runtimeError('The combination of options with the -split operator is not valid.', 'InvalidSplitOptionCombination', {
      category: 'InvalidOperation', exceptionType: 'System.Management.Automation.ParseException',
    });
  }
  return o;
}

/**
 * -split. `r` is a delimiter, or an array [delimiter, maxSubstrings, options]. The delimiter may be a script
 * block (called per character with $_; true splits there). Captured groups are included in the result.
 */
export function split(l: unknown, r: unknown, cs: boolean, env?: OperatorEnv): string[] | Promise<string[]> {
  let delim: unknown = r;
  let max = 0;
  let opts: SplitOptions | null = null;
  if (Array.isArray(r)) {
    delim = r[0];
    if (r.length > 1) max = Number(toIntegral(toNumber(r[1])));
    // An empty options string counts as none; any options with a script-block delimiter are an error.
    if (r.length > 2 && r[2] !== null && r[2] !== undefined && r[2] !== '') {
      opts = parseSplitOptions(r[2], cs);
      if (isScriptBlock(delim)) {
        throw runtimeError('Options are not allowed on the -split operator with a predicate.', 'InvalidSplitOptionWithPredicate', {
          category: 'InvalidOperation', exceptionType: 'System.Management.Automation.ParseException',
        });
      }
    }
    if (r.length > 3) {
      throw runtimeError(`The -split operator allows only three elements to follow it, not ${r.length}.`, 'BadOperatorArgument', {
        category: 'InvalidOperation',
      });
    }
  }
  opts ??= parseSplitOptions('', cs);
  const inputs = Array.isArray(l) ? l : [l];
  const out: string[] = [];
  if (isScriptBlock(delim)) {
    if (!env) throw new Error('split with a script block needs an OperatorEnv');
    const e = env;
    const from = (i: number): string[] | Promise<string[]> => {
      for (; i < inputs.length; i++) {
        const input = toStr(inputs[i]);
        // The predicate's verdicts, one character at a time; once one is a Promise the rest follow it.
        const isDelimiter = (k: number) => {
          const v = e.invokeScriptBlock(delim, input[k]!, [input, k]);
          return v instanceof Promise ? v.then((x) => toBool(unwrapOutput(x))) : toBool(unwrapOutput(v));
        };
        const r = runSplit(splitByPredicate(input, max, out), isDelimiter);
        if (r) {
          const next = i + 1;
          return r.then(() => from(next));
        }
      }
      return out;
    };
    return from(0);
  }
  const pat = toStr(delim);
  const re = toJsRegExp(opts.simple ? escapeRegex(pat) : pat, {
    ignoreCase: opts.ignoreCase,
    multiline: opts.multiline,
    singleline: opts.singleline,
    explicitCapture: opts.explicitCapture,
    ignorePatternWhitespace: opts.ignorePatternWhitespace,
    global: true,
  });
  for (const x of inputs) splitByRegExp(toStr(x), re, max, out);
  return out;
}

/**
 * -split with a script block: called per character with $_ as a one-character string; a true result splits
 * there. A negative limit scans from the right (pwsh's NegativeSplitWithPredicate).
 */
function* splitByPredicate(input: string, max: number, out: string[]): Generator<number, void, boolean> {
  if (max === 1 || max === -1) {
    out.push(input);
    return;
  }
  const parts: string[] = [];
  const limit = Math.abs(max);
  if (max >= 0) {
    let start = 0;
    let cursor = 0;
    for (; cursor < input.length; cursor++) {
      if (!(yield cursor)) continue;
      parts.push(input.slice(start, cursor));
      start = cursor + 1;
      if (limit === parts.length + 1) {
        cursor++;
        break;
      }
    }
    parts.push(input.slice(start));
    for (const p of parts) out.push(p);
    return;
  }
  let end = input.length;
  let cursor = input.length - 1;
  for (; cursor >= 0; cursor--) {
    if (!(yield cursor)) continue;
    parts.push(input.slice(cursor + 1, end));
    end = cursor;
    if (limit === parts.length + 1) break;
  }
  parts.push(input.slice(0, end));
  for (let i = parts.length - 1; i >= 0; i--) out.push(parts[i]!);
}

/** Runs a split generator, answering each index it yields with the predicate; a Promise once a verdict is one. */
function runSplit(gen: Generator<number, void, boolean>, isDelimiter: (i: number) => boolean | Promise<boolean>, step = gen.next()): Promise<void> | undefined {
  for (;;) {
    if (step.done) return undefined;
    const v = isDelimiter(step.value);
    if (v instanceof Promise) return v.then((b) => runSplit(gen, isDelimiter, gen.next(b)));
    step = gen.next(v);
  }
}

/** Unary -split: split on runs of whitespace after trimming. */
export function unarySplit(v: unknown): string[] {
  const inputs = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of inputs) {
    const s = toStr(x).trim();
    for (const p of s.split(/\s+/)) out.push(p);
  }
  return out;
}

// ---- -join / -f / ranges ----------------------------------------------------------------------------------

/** -join: elements converted to strings and joined with the separator (unary -join: no separator). */
export function join(l: unknown, sep: unknown = ''): string {
  const s = toStr(sep);
  l = unwrap(l);
  // Any other enumerable (HashSet, Queue, Stack, an enumerator) joins its elements; dictionaries stay scalars.
  if (!Array.isArray(l) && l !== null && typeof l === 'object' && !(l instanceof PSHashtable) && typeof (l as Iterable<unknown>)[Symbol.iterator] === 'function') {
    l = Array.from(l as Iterable<unknown>);
  }
  if (Array.isArray(l)) {
    let out = '';
    for (let i = 0; i < l.length; i++) {
      if (i > 0) out += s;
      out += toStr(l[i]);
    }
    return out;
  }
  return toStr(l);
}

/** -f: composite formatting with the right operand's elements as the arguments. */
export function format(fmt: unknown, args: unknown): string {
  const list = Array.isArray(args) ? args : [args === undefined ? null : args];
  return formatComposite(toStr(fmt), list);
}

const RANGE_LIMIT = 50_000_000;

function rangeEndpoint(v: unknown): number | string {
  v = unwrap(v);
  if (typeof v === 'string' && v.length === 1 && parseNumber(v) === null) return v;
  if (v instanceof PSChar) return String.fromCharCode(v.code);
  const n = toNumber(v);
  let x: number;
  if (typeof n === 'number') x = isInt32(n) ? n : roundHalfEven(n);
  else if (n instanceof PSDouble) x = n.value;
  else if (n instanceof PSDecimal || n instanceof PSNumber) x = roundHalfEven(n.valueOf());
  else x = Number(n);
  if (!(x >= INT32_MIN && x <= INT32_MAX)) {
    throw runtimeError(
      'The range operator can only be used with values between -2147483648 and 2147483647.',
      'RangeOperatorOutOfRange',
      { category: 'InvalidOperation', exceptionType: 'System.Management.Automation.PSArgumentException' },
    );
  }
  return x;
}

/** `l..r` lazily: Int32 values (or chars when both ends are single characters), ascending or descending. */
export function* rangeIterator(l: unknown, r: unknown): Generator<unknown> {
  const a = rangeEndpoint(l);
  const b = rangeEndpoint(r);
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.charCodeAt(0);
    const y = b.charCodeAt(0);
    const step = x <= y ? 1 : -1;
    for (let i = x; ; i += step) {
      yield new PSChar(i);
      if (i === y) break;
    }
    return;
  }
  const x = typeof a === 'string' ? Number(toNumber(a)) : a;
  const y = typeof b === 'string' ? Number(toNumber(b)) : b;
  const step = x <= y ? 1 : -1;
  for (let i = x; ; i += step) {
    yield i;
    if (i === y) break;
  }
}

/** `l..r` as an array. */
export function range(l: unknown, r: unknown): unknown[] {
  const a = rangeEndpoint(l);
  const b = rangeEndpoint(r);
  if (typeof a === 'number' && typeof b === 'number') {
    const n = Math.abs(b - a) + 1;
    if (n > RANGE_LIMIT) {
      throw runtimeError('The range is too large.', 'RangeTooLarge', { category: 'InvalidOperation' });
    }
    const out = new Array<unknown>(n);
    const step = a <= b ? 1 : -1;
    for (let i = 0, v = a; i < n; i++, v += step) out[i] = v;
    return out;
  }
  return [...rangeIterator(l, r)];
}

// ---- dispatcher -----------------------------------------------------------------------------------------

/**
 * Every binary operator except -is/-isnot/-as (types layer) and -and/-or/?? (short-circuit, interpreter).
 */
export function binaryOp(op: BinaryOperator, left: unknown, right: unknown, caseSensitive: boolean, env: OperatorEnv): unknown {
  switch (op) {
    case '+':
      return add(left, right, Array.isArray(right) && typeof unwrap(left) === 'string' ? env.ofs() : ' ');
    case '-':
      return subtract(left, right);
    case '*':
      return multiply(left, right);
    case '/':
      return divide(left, right);
    case '%':
      return modulo(left, right);
    case '-eq':
    case '-ne':
    case '-gt':
    case '-ge':
    case '-lt':
    case '-le':
      return compareOp(op, left, right, caseSensitive);
    case '-like':
      return likeOp(left, right, caseSensitive, false);
    case '-notlike':
      return likeOp(left, right, caseSensitive, true);
    case '-match':
      return match(left, right, caseSensitive, env, false);
    case '-notmatch':
      return match(left, right, caseSensitive, env, true);
    case '-contains':
      return contains(left, right, caseSensitive);
    case '-notcontains':
      return !contains(left, right, caseSensitive);
    case '-in':
      return contains(right, left, caseSensitive);
    case '-notin':
      return !contains(right, left, caseSensitive);
    case '-replace':
      return replace(left, right, caseSensitive, env);
    case '-split':
      return split(left, right, caseSensitive, env);
    case '-join':
      return join(left, right);
    case '-f':
      return format(left, right);
    case '..':
      return range(left, right);
    case '-xor':
      return toBool(left) !== toBool(right);
    case '-and':
      return toBool(left) && toBool(right);
    case '-or':
      return toBool(left) || toBool(right);
    case '-band':
      return bitAnd(left, right);
    case '-bor':
      return bitOr(left, right);
    case '-bxor':
      return bitXor(left, right);
    case '-shl':
      return shiftLeft(left, right);
    case '-shr':
      return shiftRight(left, right);
    case '??':
      return left === null || left === undefined ? right : left;
  }
  throw runtimeError(`The operator '${op}' is not supported here.`, 'OperatorNotSupported', { category: 'InvalidOperation' });
}
