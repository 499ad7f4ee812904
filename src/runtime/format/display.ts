// How values read as text in formatted output: scalars on their own line, and property values in table/list cells
// (pwsh's PSObjectHelper.SmartToString / FormatField).
import { PSObject, PSHashtable, PSOrderedHashtable } from '../values/objects.js';
import { RegexMatch, RegexGroup } from '../values/regex.js';
import { PSDouble, PSDecimal, PSNumber, PSChar, numericTypeOf, toJsNumber } from '../values/numbers.js';
import { toStr } from '../values/convert.js';
import { formatValue, formatComposite } from '../values/format.js';
import { formatDateTime, PSEnumValue, DictionaryEntry, KeyValuePair, PSDictionary, getEnumerable, PSType } from '../types/index.js';

/** $FormatEnumerationLimit's default. */
export const FORMAT_ENUMERATION_LIMIT = 4;
export const ELLIPSIS = '\u2026';

/**
 * DefaultScalarTypes: values Out-Default prints with ToString() on their own line, never as a table or list
 * (strings, numbers, booleans, chars, enums).
 */
export function isScalar(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'bigint') return true;
  return v instanceof PSDouble || v instanceof PSDecimal || v instanceof PSNumber || v instanceof PSChar || v instanceof PSEnumValue;
}

/**
 * ToString() as the console shows a value (current culture en-US; pwsh's display differs from the invariant
 * string conversion for dates: `1/15/2024 10:30:00 AM`).
 */
export function displayString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : formatDateTime(v, 'G');
  if (v instanceof PSObject && v.baseObject instanceof Date) return displayString(v.baseObject);
  // Formatting calls Type.ToString() (the full name), not PowerShell's string conversion (`int`).
  if (v instanceof PSType) return v.ToString();
  // The console shows doubles in the current culture (en-US): infinities as `∞` (string conversion says `Infinity`).
  const d = typeof v === 'number' ? v : v instanceof PSDouble ? v.value : 0;
  if (d === Infinity) return '∞';
  if (d === -Infinity) return '-∞';
  return toStr(v);
}

/** Items of a value that formatting enumerates (collections and dictionaries; not strings). */
export function enumerableItems(v: unknown): Iterable<unknown> | null {
  if (v === null || v === undefined || typeof v !== 'object') return null;
  if (Array.isArray(v)) return v;
  if (v instanceof PSHashtable) return dictionaryEntries(v);
  if (v instanceof PSObject) return v.baseObject !== undefined && v.baseObject !== null ? enumerableItems(v.baseObject) : null;
  if (v instanceof Date) return null;
  return getEnumerable(v);
}

export function* dictionaryEntries(h: PSHashtable): Iterable<DictionaryEntry | KeyValuePair> {
  // A generic Dictionary enumerates KeyValuePairs (Key/Value columns); Hashtable gives DictionaryEntries (Name/Value).
  if (h instanceof PSDictionary) for (const [k, val] of h.entries()) yield new KeyValuePair(k, val);
  else for (const [k, val] of h.entries()) yield new DictionaryEntry(k, val);
}

/** GetObjectName: how an element of a collection reads inside `{a, b}`. */
function elementName(x: unknown): string {
  if (x === null || x === undefined) return '$null';
  // pwsh 7 shows dictionary entries inside `{...}` as `[key, value]`.
  if (x instanceof DictionaryEntry || x instanceof KeyValuePair) return `[${displayString(x.Key)}, ${displayString(x.Value)}]`;
  // A type that does not declare ToString() itself shows its display-name property (the first of name, id, key,
  // *key, … it has): a Match or Group its Name (`{0}`), a hashtable its Keys collection's type name.
  if (x instanceof RegexMatch || x instanceof RegexGroup) return x.Name;
  if (x instanceof PSOrderedHashtable || (x instanceof PSHashtable && x.ordered)) return 'System.Collections.Specialized.OrderedDictionary+OrderedDictionaryKeyValueCollection';
  if (x instanceof PSHashtable && !(x instanceof PSDictionary)) return 'System.Collections.Hashtable+KeyCollection';
  return displayString(x);
}

/** `{1, 2, 3, 4…}`: a collection cut after `limit` items. */
export function collectionText(items: Iterable<unknown>, limit = FORMAT_ENUMERATION_LIMIT): string {
  let s = '{';
  let n = 0;
  for (const x of items) {
    if (limit >= 0 && n === limit) {
      s += ELLIPSIS;
      break;
    }
    if (n > 0) s += ', ';
    s += elementName(x);
    n++;
  }
  return s + '}';
}

function isFloating(v: unknown): boolean {
  const t = numericTypeOf(v);
  return t === 'Double' || t === 'Single' || t === 'Decimal';
}

/** .NET "F" format (2 decimals, en-US) for floating numbers in auto-generated table cells. */
function fixed2(v: unknown): string {
  const n = toJsNumber(v);
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '\u221e';
  if (n === -Infinity) return '-\u221e';
  return n.toFixed(2);
}

export interface CellOptions {
  /** Auto-generated table cells show floating numbers with 2 decimals (pwsh 7.3+). */
  isTable?: boolean;
  formatString?: string;
  enumerationLimit?: number;
}

/** FormatField: the text of a property value in a table cell or list entry. */
export function cellText(v: unknown, options: CellOptions = {}): string {
  if (v === null || v === undefined) return '';
  if (options.formatString) {
    try {
      const f = options.formatString;
      return f.includes('{0') || f.includes('}') ? formatComposite(f, [v]) : formatValue(v, f);
    } catch {
      return '';
    }
  }
  if (typeof v === 'string') return v;
  const items = enumerableItems(v);
  if (items) return collectionText(items, options.enumerationLimit ?? FORMAT_ENUMERATION_LIMIT);
  if (options.isTable && isFloating(v)) return fixed2(v);
  return displayString(v);
}
