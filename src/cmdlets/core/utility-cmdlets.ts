// Start-Sleep, Get-Date, Get-Random, New-Guid, Join-String.
// globalThis.crypto loads on first use (a top-level node:crypto import costs start-up time).
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { makeDouble, isNumeric, toJsNumber, numericTypeOf, INT32_MAX } from '../../runtime/values/numbers.js';
import { toStr } from '../../runtime/values/convert.js';
import { formatComposite } from '../../runtime/values/format.js';
import { formatDateTime, makeDate, dateFromParts, TimeSpan, PSGuid, dateKind, setDisplayHint, type DisplayHint } from '../../runtime/types/index.js';
import { dateParts } from '../../runtime/types/datetime.js';
import { parsePropertySpecs, evaluateSpecValue, type PropertySpec } from './property-expr.js';
import { forEachMaybeAsync, isPromise, toItems, UTILITY_MODULE } from './util.js';
import { newTimeSpan } from './new-timespan.js';
import { monotonicMs } from '../../runtime/clock.js';
import { scanNumber } from '../../runtime/types/cast.js';

export const startSleep: CmdletDecl = {
  name: 'Start-Sleep',
  module: UTILITY_MODULE,
  synopsis: 'Suspends the activity in a script or session for the specified period of time.',
  description: 'The Start-Sleep cmdlet suspends the activity in a script or session for the specified period of time.',
  defaultParameterSet: 'Seconds',
  parameters: [
    { name: 'Seconds', type: 'double', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Seconds'], validateRange: [0, 2147483.647] },
    { name: 'Milliseconds', type: 'int', aliases: ['ms'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['Milliseconds'], validateRange: [0, 2147483647] },
    {
      name: 'Duration', type: 'timespan', aliases: ['ts'], position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['FromTimeSpan'],
      validate: (v) => (v instanceof TimeSpan && v.Ticks < 0 ? `The argument "${String(v)}" is not a non-negative value.` : null),
    },
  ],
  process(ctx) {
    const p = ctx.params;
    let ms: number;
    if (ctx.parameterSetName === 'Milliseconds') ms = toJsNumber(p.Milliseconds);
    else if (ctx.parameterSetName === 'FromTimeSpan') {
      ms = p.Duration instanceof TimeSpan ? p.Duration.Ticks / TimeSpan.TicksPerMillisecond : toJsNumber(p.Duration);
      // Thread.Sleep takes at most Int32.MaxValue milliseconds.
      if (ms > 2147483647) {
        ctx.throwTerminating({
          message: `The '-Duration' parameter value must not exceed '${String(TimeSpan.fromParts(0, 0, 0, 0, 2147483647))}', provided value was '${String(p.Duration)}'.`,
          errorId: 'MaximumDurationExceeded',
          category: 'InvalidArgument',
          exceptionType: 'System.Management.Automation.PSArgumentException',
          targetObject: null,
        });
      }
    } else ms = toJsNumber(p.Seconds) * 1000;
    if (!(ms > 0)) return;
    return sleep(ms, ctx.signal);
  },
};

/** Resolves after ms, or as soon as the signal aborts (the pipeline then stops on its own). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    // A Node timer may fire a little early by the monotonic clock (what Stopwatch and Measure-Command read);
    // pwsh sleeps at least the time asked for, so wait out what is left.
    const deadline = monotonicMs() + ms;
    let timer = setTimeout(tick, ms);
    function tick() {
      const left = deadline - monotonicMs();
      if (left > 0) timer = setTimeout(tick, Math.ceil(left));
      else done();
    }
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 week-numbering year and week of a calendar date (weeks start Monday; week 1 holds a Thursday). */
function isoWeek(y: number, m: number, d: number): { year: number; week: number } {
  const day = new Date(Date.UTC(2000, m - 1, d));
  day.setUTCFullYear(y);
  const dow = day.getUTCDay() || 7;
  // The Thursday of this week decides the year.
  day.setUTCDate(day.getUTCDate() + 4 - dow);
  const year = day.getUTCFullYear();
  const jan1 = new Date(Date.UTC(2000, 0, 1));
  jan1.setUTCFullYear(year);
  return { year, week: Math.floor((day.getTime() - jan1.getTime()) / 86400000 / 7) + 1 };
}

/** Get-Date -UFormat: pwsh's strftime subset (its own choices, e.g. %c is `ddd dd MMM yyyy HH:mm:ss`, %U = day-of-year / 7). */
export function formatUFormat(d: Date, format: string): string {
  const f = (spec: string) => formatDateTime(d, spec);
  const p = dateParts(d);
  const dayOfYear = DAYS_BEFORE_MONTH[p.month - 1]! + p.day + (p.month > 2 && isLeap(p.year) ? 1 : 0);
  let out = '';
  // A leading '+' (as in `date +%s`) is dropped.
  for (let i = format.startsWith('+') ? 1 : 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%' || i === format.length - 1) {
      out += c;
      continue;
    }
    const spec = format[++i];
    switch (spec) {
      case 'A': out += f('dddd'); break;
      case 'a': out += f('ddd'); break;
      case 'B': out += f('MMMM'); break;
      case 'b': case 'h': out += f('MMM'); break;
      case 'C': out += String(Math.floor(p.year / 100)); break;
      case 'c': out += f('ddd dd MMM yyyy HH:mm:ss'); break;
      case 'D': case 'x': out += f('MM/dd/yy'); break;
      case 'd': out += f('dd'); break;
      case 'e': out += String(p.day).padStart(2, ' '); break;
      case 'F': out += f('yyyy-MM-dd'); break;
      case 'G': out += pad(isoWeek(p.year, p.month, p.day).year, 4); break;
      case 'g': out += pad(isoWeek(p.year, p.month, p.day).year % 100); break;
      case 'H': out += f('HH'); break;
      case 'I': out += f('hh'); break;
      case 'j': out += pad(dayOfYear, 3); break;
      case 'k': out += String(p.hour).padStart(2, ' '); break;
      case 'l': out += String(p.hour % 12 || 12).padStart(2, ' '); break;
      case 'M': out += f('mm'); break;
      case 'm': out += f('MM'); break;
      case 'n': out += '\n'; break;
      case 'p': out += f('tt'); break;
      case 'R': out += f('HH:mm'); break;
      case 'r': out += f('hh:mm:ss tt'); break;
      case 'S': out += f('ss'); break;
      // Unspecified counts as local time, as DateTime.ToUniversalTime does.
      case 's': out += String(Math.round(d.getTime() / 1000)); break;
      case 'T': case 'X': out += f('HH:mm:ss'); break;
      case 't': out += '\t'; break;
      case 'U': case 'W': out += String(Math.floor(dayOfYear / 7)); break;
      case 'u': out += String(p.dow || 7); break;
      case 'V': out += pad(isoWeek(p.year, p.month, p.day).week); break;
      case 'w': out += String(p.dow); break;
      case 'Y': out += f('yyyy'); break;
      case 'y': out += f('yy'); break;
      case 'Z': out += f('zz'); break;
      default: out += spec;
    }
  }
  return out;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** -Format's named ISO 8601 "basic" formats (usable in file names). */
const FILE_FORMATS: Record<string, [string, boolean]> = {
  filedate: ['yyyyMMdd', false],
  filedateuniversal: ["yyyyMMdd'Z'", true],
  filedatetime: ["yyyyMMdd'T'HHmmssffff", false],
  filedatetimeuniversal: ["yyyyMMdd'T'HHmmssffff'Z'", true],
};

export const getDate: CmdletDecl = {
  name: 'Get-Date',
  module: UTILITY_MODULE,
  synopsis: 'Gets the current date and time.',
  description: 'The Get-Date cmdlet gets a DateTime object that represents the current date or a date that you specify. Get-Date can format the date and time in several .NET and UNIX formats.',
  defaultParameterSet: 'DateAndFormat',
  outputType: ['System.DateTime', 'System.String'],
  parameters: [
    { name: 'Date', type: 'datetime', aliases: ['LastWriteTime'], position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['DateAndFormat', 'DateAndUFormat'] },
    { name: 'UnixTimeSeconds', type: 'long', aliases: ['UnixTime'], mandatory: true, parameterSets: ['UnixTimeSecondsAndFormat', 'UnixTimeSecondsAndUFormat'] },
    { name: 'Year', type: 'int', validateRange: [1, 9999] },
    { name: 'Month', type: 'int', validateRange: [1, 12] },
    { name: 'Day', type: 'int', validateRange: [1, 31] },
    { name: 'Hour', type: 'int', validateRange: [0, 23] },
    { name: 'Minute', type: 'int', validateRange: [0, 59] },
    { name: 'Second', type: 'int', validateRange: [0, 59] },
    { name: 'Millisecond', type: 'int', validateRange: [0, 999] },
    { name: 'DisplayHint', type: 'string', validateSet: ['Date', 'Time', 'DateTime'] },
    { name: 'Format', type: 'string', parameterSets: ['DateAndFormat', 'UnixTimeSecondsAndFormat'] },
    { name: 'UFormat', type: 'string', mandatory: true, parameterSets: ['DateAndUFormat', 'UnixTimeSecondsAndUFormat'] },
    { name: 'AsUTC', type: 'switch' },
  ],
  process(ctx) {
    const p = ctx.params;
    let d: Date;
    // DateTimeOffset.FromUnixTimeSeconds(n).LocalDateTime, as pwsh does.
    if (ctx.isBound('UnixTimeSeconds')) d = makeDate(toJsNumber(p.UnixTimeSeconds) * 1000, 'Local');
    else if (p.Date instanceof Date) d = new Date(p.Date.getTime()), (d = makeDate(d.getTime(), dateKind(p.Date)));
    else d = makeDate(Date.now());
    const parts = ['Year', 'Month', 'Day', 'Hour', 'Minute', 'Second', 'Millisecond'];
    if (parts.some((n) => ctx.isBound(n))) {
      const kind = dateKind(d);
      const utc = kind === 'Utc';
      const cur = utc
        ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()]
        : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()];
      const v = parts.map((n, i) => (ctx.isBound(n) ? toJsNumber(p[n]) : cur[i]));
      d = dateFromParts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], kind === 'Utc' ? 'Utc' : 'Local');
    }
    if (p.AsUTC) d = makeDate(d.getTime(), 'Utc');
    if (p.UFormat !== undefined && p.UFormat !== null) return ctx.write(formatUFormat(d, String(p.UFormat)));
    if (p.Format !== undefined && p.Format !== null) {
      const named = FILE_FORMATS[String(p.Format).toLowerCase()];
      if (named) return ctx.write(formatDateTime(named[1] ? makeDate(d.getTime(), 'Utc') : d, named[0]));
      return ctx.write(formatDateTime(d, String(p.Format)));
    }
    setDisplayHint(d, (p.DisplayHint as DisplayHint | undefined) ?? 'DateTime');
    return ctx.write(d);
  },
};

/** Mulberry32: a small seedable generator, so `Get-Random -SetSeed` repeats its sequence. */
let seededNext: (() => number) | null = null;

function seed(n: number): void {
  let a = n >>> 0;
  seededNext = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function random(): number {
  return seededNext ? seededNext() : Math.random();
}

/** Get-SecureRandom's source: a uniform double in [0, 1) from the cryptographic generator (53 random bits). */
function secureRandom(): number {
  const [hi, lo] = globalThis.crypto.getRandomValues(new Uint32Array(2));
  return ((hi! >>> 5) * 67108864 + (lo! >>> 6)) / 9007199254740992;
}

interface RandomState {
  items: unknown[];
}

/** pwsh's ProcessOperand: a string operand is read as a number literal ('1kb', '+100.0', '0x10'). */
function operand(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return v;
  const src = scanNumber(v);
  if (!src) return v;
  if (src.k === 'int') return src.v >= -2147483648n && src.v <= 2147483647n ? Number(src.v) : src.v;
  return src.k === 'float' ? makeDouble(src.v) : src.v;
}

function toNumberArg(v: unknown, ifNull: number): number {
  if (v === null) return ifNull;
  if (isNumeric(v)) return toJsNumber(v);
  return Number(toStr(v));
}

function minNotBelowMax(ctx: CmdletContext, min: unknown, max: unknown): never {
  return ctx.throwTerminating({
    message: `The Minimum value (${toStr(min)}) cannot be greater than or equal to the Maximum value (${toStr(max)}).`,
    errorId: 'MinGreaterThanOrEqualMax',
    category: 'InvalidArgument',
    targetObject: min,
    exceptionType: 'System.ArgumentException',
  });
}

/** Random numbers as pwsh picks them: Int32 when both bounds are Int32 (or absent), Int64 when both fit Int64, else Double. */
function randomNumbers(ctx: CmdletContext, count: number, next: () => number): void {
  const p = ctx.params;
  const maxOp = operand(p.Maximum);
  const minOp = operand(p.Minimum);
  const isInt = (o: unknown) => o === null || numericTypeOf(o) === 'Int32';
  const isLong = (o: unknown) => isInt(o) || numericTypeOf(o) === 'Int64';
  if (isInt(maxOp) && isInt(minOp)) {
    const min = minOp === null ? 0 : (minOp as number);
    const max = maxOp === null ? INT32_MAX : (maxOp as number);
    if (min >= max) minNotBelowMax(ctx, min, max);
    for (let i = 0; i < count; i++) ctx.write(min + Math.floor(next() * (max - min)));
  } else if (isLong(maxOp) && isLong(minOp)) {
    const min = minOp === null ? 0n : BigInt(minOp as number | bigint);
    const max = maxOp === null ? 0x7fffffffffffffffn : BigInt(maxOp as number | bigint);
    if (min >= max) minNotBelowMax(ctx, min, max);
    const range = max - min;
    for (let i = 0; i < count; i++) {
      let r = BigInt(Math.floor(next() * Number(range)));
      if (r >= range) r = range - 1n;
      ctx.write(min + r);
    }
  } else {
    const min = numericTypeOf(minOp) === 'Double' ? toJsNumber(minOp) : toNumberArg(minOp, 0);
    const max = numericTypeOf(maxOp) === 'Double' ? toJsNumber(maxOp) : toNumberArg(maxOp, Number.MAX_VALUE);
    if (min >= max) minNotBelowMax(ctx, p.Minimum ?? 0, p.Maximum);
    for (let i = 0; i < count; i++) {
      let n: number;
      // A range wider than Double.MaxValue (MinValue..MaxValue) is scaled per bound so it stays finite.
      do {
        const r = next();
        n = Number.isFinite(max - min) ? min + r * (max - min) : min + r * max - r * min;
      } while (n >= max);
      ctx.write(makeDouble(n));
    }
  }
}

/** Get-Random and Get-SecureRandom: the same cmdlet over a different number source (only Get-Random takes a seed). */
function randomCmdlet(name: string, synopsis: string, next: () => number, seedable: boolean): CmdletDecl<RandomState> {
  return {
    name,
    module: UTILITY_MODULE,
    synopsis,
    description: `The ${name} cmdlet gets a randomly selected number. If you submit a collection of objects to ${name}, it gets one or more randomly selected objects from the collection.`,
    defaultParameterSet: 'RandomNumberParameterSet',
    outputType: ['System.Int32', 'System.Int64', 'System.Double'],
    parameters: [
      ...(seedable ? [{ name: 'SetSeed', type: 'int' } as const] : []),
      { name: 'Maximum', type: 'object', position: 0, parameterSets: ['RandomNumberParameterSet'] },
      { name: 'Minimum', type: 'object', parameterSets: ['RandomNumberParameterSet'] },
      { name: 'InputObject', type: 'object[]', position: 0, mandatory: true, valueFromPipeline: true, parameterSets: ['RandomListItemParameterSet', 'ShuffleParameterSet'] },
      { name: 'Count', type: 'int', parameterSets: ['RandomNumberParameterSet', 'RandomListItemParameterSet'], validateRange: [1, 2147483647] },
      { name: 'Shuffle', type: 'switch', mandatory: true, parameterSets: ['ShuffleParameterSet'] },
    ],
    init: () => ({ items: [] }),
    begin(ctx) {
      if (seedable && ctx.isBound('SetSeed')) seed(toJsNumber(ctx.params.SetSeed));
    },
    process(ctx) {
      if (ctx.parameterSetName === 'RandomNumberParameterSet') {
        randomNumbers(ctx, ctx.params.Count ?? 1, next);
        return;
      }
      ctx.state.items.push(...toItems(ctx.params.InputObject));
    },
    end(ctx) {
      if (ctx.parameterSetName === 'RandomNumberParameterSet') return;
      const items = ctx.state.items.slice();
      // -Shuffle:$false selects the Shuffle set but picks one item, as without -Shuffle.
      const count = ctx.params.Shuffle === true ? items.length : Math.min(ctx.params.Count ?? 1, items.length);
      // Partial Fisher-Yates: picks `count` distinct items.
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(next() * (items.length - i));
        [items[i], items[j]] = [items[j], items[i]];
        ctx.write(items[i]);
      }
    },
  };
}

export const getRandom = randomCmdlet('Get-Random', 'Gets a random number, or selects objects randomly from a collection.', random, true);
export const getSecureRandom = randomCmdlet(
  'Get-SecureRandom',
  'Gets a random number, or selects objects randomly from a collection, using a cryptographically secure generator.',
  secureRandom,
  false,
);

export const newGuid: CmdletDecl = {
  name: 'New-Guid',
  module: UTILITY_MODULE,
  synopsis: 'Creates a GUID.',
  description: 'The New-Guid cmdlet creates a random globally unique identifier (GUID).',
  outputType: ['System.Guid'],
  defaultParameterSet: 'Default',
  parameters: [
    { name: 'Empty', type: 'switch', parameterSets: ['Empty'] },
    { name: 'InputObject', type: 'string', position: 0, valueFromPipeline: true, parameterSets: ['InputObject'], allowNull: true },
  ],
  process(ctx) {
    if (ctx.parameterSetName === 'InputObject') {
      const g = PSGuid.parse(toStr(ctx.params.InputObject ?? ''));
      if (!g) {
        ctx.writeError({
          message: 'Unrecognized Guid format.',
          errorId: 'StringNotRecognizedAsGuid',
          category: 'InvalidArgument',
          exceptionType: 'System.FormatException',
        });
      }
      return ctx.write(g);
    }
    ctx.write(ctx.params.Empty ? new PSGuid('00000000-0000-0000-0000-000000000000') : uuidV7());
  },
};

/** Guid.CreateVersion7: a 48-bit Unix-milliseconds timestamp, version 7, RFC 4122 variant, random bits. */
function uuidV7(): PSGuid {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return new PSGuid(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
}

interface JoinState {
  spec: PropertySpec | null;
  parts: string[];
}

export const joinString: CmdletDecl<JoinState> = {
  name: 'Join-String',
  module: UTILITY_MODULE,
  synopsis: 'Combines objects from the pipeline into a single string.',
  description: 'The Join-String cmdlet joins, or combines, text from pipeline objects into a single string.',
  defaultParameterSet: 'Default',
  outputType: ['System.String'],
  parameters: [
    { name: 'Property', type: 'object', position: 0 },
    { name: 'Separator', type: 'string', position: 1 },
    { name: 'OutputPrefix', type: 'string', aliases: ['op'] },
    { name: 'OutputSuffix', type: 'string', aliases: ['os'] },
    { name: 'SingleQuote', type: 'switch', parameterSets: ['SingleQuote'] },
    { name: 'DoubleQuote', type: 'switch', parameterSets: ['DoubleQuote'] },
    { name: 'FormatString', type: 'string', parameterSets: ['Format'] },
    { name: 'UseCulture', type: 'switch' },
    { name: 'InputObject', type: 'psobject[]', valueFromPipeline: true },
  ],
  init: () => ({ spec: null, parts: [] }),
  begin(ctx) {
    if (ctx.params.Property !== undefined && ctx.params.Property !== null) ctx.state.spec = parsePropertySpecs(ctx.params.Property, 'measure')[0] ?? null;
  },
  process(ctx) {
    const st = ctx.state;
    const p = ctx.params;
    const items = p.InputObject === undefined ? [] : Array.isArray(p.InputObject) ? p.InputObject : [p.InputObject];
    const add = (v: unknown) => {
      let text = toStr(v);
      if (p.SingleQuote) text = `'${text}'`;
      else if (p.DoubleQuote) text = `"${text}"`;
      else if (p.FormatString) text = formatComposite(String(p.FormatString), [v]);
      st.parts.push(text);
    };
    return forEachMaybeAsync(items, (item) => {
      if (item === null || item === undefined) return;
      const v = st.spec ? evaluateSpecValue(ctx, st.spec, item) : item;
      // A script-block property that ran an async command.
      if (isPromise(v)) return v.then(add);
      add(v);
    });
  },
  end(ctx) {
    const p = ctx.params;
    // No -Separator: $OFS (unset by default, so nothing).
    const ofs = ctx.getVariable('OFS');
    const sep = p.UseCulture && p.Separator === undefined ? ',' : ctx.isBound('Separator') ? (p.Separator ?? '') : ofs === null || ofs === undefined ? '' : toStr(ofs);
    ctx.write(`${p.OutputPrefix ?? ''}${ctx.state.parts.join(sep)}${p.OutputSuffix ?? ''}`);
  },
};

export const cmdlets: CmdletDecl[] = [startSleep, getDate, getRandom, getSecureRandom, newGuid, joinString, newTimeSpan];
