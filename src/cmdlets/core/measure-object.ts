// Measure-Object: count/sum/average/min/max/standard deviation of objects or their properties, or text statistics.
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSObject } from '../../runtime/values/objects.js';
import { isNumeric, toJsNumber, makeDouble } from '../../runtime/values/numbers.js';
import { toStr } from '../../runtime/values/convert.js';
import { parsePropertySpecs, evaluateSpec, hasProperty, type PropertySpec } from './property-expr.js';
import { compareValues } from './order-keys.js';
import { isPromise, forEachMaybeAsync, UTILITY_MODULE } from './util.js';

const GENERIC_SET = 'GenericMeasure';
const TEXT_SET = 'TextMeasure';
const THIS_OBJECT = '$_';

interface Stats {
  count: number;
  sum: number;
  /** Welford running mean and sum of squared deviations, for the sample standard deviation. */
  mean: number;
  m2: number;
  min: unknown;
  max: unknown;
  lines: number;
  words: number;
  characters: number;
}

interface MeasureState {
  specs: PropertySpec[] | null;
  stats: Map<string, { name: string; stats: Stats }>;
  total: number;
  nonNumeric: boolean;
}

function newStats(): Stats {
  return { count: 0, sum: 0, mean: 0, m2: 0, min: null, max: null, lines: 0, words: 0, characters: 0 };
}

/** LanguagePrimitives.TryConvertTo<double>: null when the value does not convert. */
export function tryToDouble(v: unknown): number | null {
  if (v === null || v === undefined) return 0;
  if (isNumeric(v)) return toJsNumber(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return 0;
    const n = /^0x[0-9a-f]+$/i.test(s) ? parseInt(s, 16) : Number(s);
    return Number.isNaN(n) && !/^nan$/i.test(s) ? null : n;
  }
  const p = (v as { valueOf?: () => unknown }).valueOf?.();
  return typeof p === 'number' ? p : null;
}

function entry(st: MeasureState, name: string): Stats {
  const key = name.toLowerCase();
  let e = st.stats.get(key);
  if (!e) {
    e = { name, stats: newStats() };
    st.stats.set(key, e);
  }
  return e.stats;
}

function countWords(s: string): number {
  let n = 0;
  let inSpace = true;
  for (const c of s) {
    if (/\s/.test(c)) inSpace = true;
    else {
      if (inSpace) n++;
      inSpace = false;
    }
  }
  return n;
}

function countLines(s: string): number {
  if (s === '') return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return s.endsWith('\n') ? n : n + 1;
}

/** Min/max as pwsh compares them: numbers as doubles; values of different kinds as strings. */
function pick(value: unknown, current: unknown, isMin: boolean): unknown {
  if (current === null || current === undefined) return value;
  const a = tryToDouble(value);
  const b = tryToDouble(current);
  let x: unknown = value !== null && a !== null ? a : value;
  let y: unknown = b !== null ? b : current;
  if (x !== null && typeof x !== typeof y) {
    x = toStr(x);
    y = toStr(y);
  }
  const c = compareValues(y, x, true);
  return (isMin ? c : -c) > 0 ? value : current;
}

function analyze(ctx: CmdletContext<MeasureState>, name: string, value: unknown): void {
  const st = ctx.state;
  const p = ctx.params;
  const s = entry(st, name);
  s.count++;
  if (p.Line || p.Word || p.Character) {
    const text = value === null || value === undefined ? '' : toStr(value);
    if (p.Character) s.characters += p.IgnoreWhiteSpace ? text.replace(/\s/g, '').length : text.length;
    if (p.Word) s.words += countWords(text);
    if (p.Line) s.lines += countLines(text);
  }
  const all = p.AllStats === true;
  if (p.Average || p.Sum || p.StandardDeviation || all) {
    const n = tryToDouble(value);
    if (n === null) {
      st.nonNumeric = true;
      ctx.writeError({
        message: `Input object "${toStr(value)}" is not numeric.`,
        errorId: 'NonNumericInputObject',
        category: 'InvalidType',
        targetObject: value,
        exceptionType: 'System.Management.Automation.PSInvalidOperationException',
      });
      return;
    }
    s.sum += n;
    const delta = n - s.mean;
    s.mean += delta / s.count;
    s.m2 += delta * (n - s.mean);
  }
  if (p.Minimum || all) s.min = pick(value, s.min, true);
  if (p.Maximum || all) s.max = pick(value, s.max, false);
}

function analyzeProperties(ctx: CmdletContext<MeasureState>, input: unknown): void | Promise<void> {
  const st = ctx.state;
  const counted = new Set<string>();
  return forEachMaybeAsync(st.specs!, (spec) => {
    // An object without a plain-named property is not counted for it (pwsh's property expression yields nothing).
    if (!spec.isScript && !spec.wildcard && input !== null && input !== undefined && !hasProperty(input, String(spec.expression))) {
      entry(st, spec.name);
      return;
    }
    const r = evaluateSpec(ctx, spec, input);
    const take = (pairs: Array<[string, unknown]>) => {
      // A plain name the object lacks still gets an (empty) entry, so nothing is reported for it.
      if (pairs.length === 0) {
        if (!spec.wildcard) entry(st, spec.name);
        return;
      }
      for (const [n, v] of pairs) {
        if (counted.has(n.toLowerCase())) continue;
        counted.add(n.toLowerCase());
        analyze(ctx, spec.isScript ? spec.name : n, v);
      }
    };
    if (isPromise(r)) return r.then(take);
    take(r);
  });
}

function asDouble(v: number | null): unknown {
  return v === null ? null : makeDouble(v);
}

function genericInfo(ctx: CmdletContext<MeasureState>, s: Stats, property: string | null): PSObject {
  const p = ctx.params;
  const all = p.AllStats === true;
  const st = ctx.state;
  const minMaxNumeric = (s.min === null || tryToDouble(s.min) !== null) && (s.max === null || tryToDouble(s.max) !== null);
  const typeName = minMaxNumeric ? 'Microsoft.PowerShell.Commands.GenericMeasureInfo' : 'Microsoft.PowerShell.Commands.GenericObjectMeasureInfo';
  const o = new PSObject([typeName, 'Microsoft.PowerShell.Commands.MeasureInfo', 'System.Object']);
  const numericOk = !st.nonNumeric;
  o.setProperty('Count', s.count);
  o.setProperty('Average', numericOk && (p.Average || all) && s.count > 0 ? asDouble(s.sum / s.count) : null);
  o.setProperty('Sum', numericOk && (p.Sum || all) ? asDouble(s.sum) : null);
  const conv = (v: unknown) => (v === null ? null : minMaxNumeric ? asDouble(tryToDouble(v)) : v);
  o.setProperty('Maximum', p.Maximum || all ? conv(s.max) : null);
  o.setProperty('Minimum', p.Minimum || all ? conv(s.min) : null);
  o.setProperty('StandardDeviation', numericOk && (p.StandardDeviation || all) ? asDouble(s.count > 1 ? Math.sqrt(s.m2 / (s.count - 1)) : 0) : null);
  o.setProperty('Property', property);
  return o;
}

function textInfo(ctx: CmdletContext<MeasureState>, s: Stats, property: string | null): PSObject {
  const p = ctx.params;
  const o = new PSObject(['Microsoft.PowerShell.Commands.TextMeasureInfo', 'Microsoft.PowerShell.Commands.MeasureInfo', 'System.Object']);
  o.setProperty('Lines', p.Line ? s.lines : null);
  o.setProperty('Words', p.Word ? s.words : null);
  o.setProperty('Characters', p.Character ? s.characters : null);
  o.setProperty('Property', property);
  return o;
}

const genericSwitch = (name: string) => ({ name, type: 'switch', parameterSets: [GENERIC_SET] });
const textSwitch = (name: string) => ({ name, type: 'switch', parameterSets: [TEXT_SET] });

export const measureObject: CmdletDecl<MeasureState> = {
  name: 'Measure-Object',
  module: UTILITY_MODULE,
  synopsis: 'Calculates the numeric properties of objects, and the characters, words, and lines in string objects, such as files of text.',
  description:
    'The Measure-Object cmdlet calculates the property values of certain types of object. Measure-Object performs three types of measurements, depending on the parameters in the command: counts, numeric statistics (sum, average, minimum, maximum, standard deviation) and text statistics (lines, words, characters).',
  defaultParameterSet: GENERIC_SET,
  outputType: ['Microsoft.PowerShell.Commands.GenericMeasureInfo', 'Microsoft.PowerShell.Commands.TextMeasureInfo', 'Microsoft.PowerShell.Commands.GenericObjectMeasureInfo'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Property', type: 'object[]', position: 0 },
    genericSwitch('StandardDeviation'),
    genericSwitch('Sum'),
    genericSwitch('AllStats'),
    genericSwitch('Average'),
    genericSwitch('Maximum'),
    genericSwitch('Minimum'),
    textSwitch('Line'),
    textSwitch('Word'),
    textSwitch('Character'),
    textSwitch('IgnoreWhiteSpace'),
  ],
  init: () => ({ specs: null, stats: new Map(), total: 0, nonNumeric: false }),
  begin(ctx) {
    if (ctx.params.Property !== undefined && ctx.params.Property !== null) ctx.state.specs = parsePropertySpecs(ctx.params.Property, 'measure');
  },
  process(ctx) {
    const input = ctx.params.InputObject;
    if (input === undefined || input === null) return;
    ctx.state.total++;
    if (!ctx.state.specs) {
      analyze(ctx, THIS_OBJECT, input instanceof PSObject && input.baseObject !== undefined && input.baseObject !== null ? input.baseObject : input);
      return;
    }
    return analyzeProperties(ctx, input);
  },
  end(ctx) {
    const st = ctx.state;
    if (st.total === 0 && !st.specs) entry(st, THIS_OBJECT);
    const text = ctx.parameterSetName === TEXT_SET;
    const out: PSObject[] = [];
    for (const { name, stats } of st.stats.values()) {
      if (stats.count === 0 && st.specs) {
        // Under Set-StrictMode -Version 2 or later a property no input had is an error.
        if (((ctx.session as unknown as { strictMode?: number }).strictMode ?? 0) >= 2) {
          ctx.writeError({
            message: `The property "${name}" cannot be found in the input for any objects.`,
            errorId: text ? 'TextMeasurePropertyNotFound' : 'GenericMeasurePropertyNotFound',
            category: 'ObjectNotFound',
            exceptionType: 'System.Management.Automation.PSArgumentException',
          });
        }
        continue;
      }
      const property = st.specs ? name : null;
      out.push(text ? textInfo(ctx, stats, property) : genericInfo(ctx, stats, property));
    }
    return ctx.write(out, true);
  },
};

export const cmdlets: CmdletDecl[] = [measureObject];
