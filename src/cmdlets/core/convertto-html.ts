// ConvertTo-Html: objects as an XHTML page (or -Fragment) holding a table, or -As List name/value rows, written
// line by line as pwsh's ConvertToHtmlCommand writes them.
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSHashtable } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { invokeMethod } from '../../runtime/types/index.js';
import { UTILITY_MODULE, isPromise } from './util.js';
import { evaluateSpec, parsePropertySpecs, type PropertySpec } from './property-expr.js';

/** WebUtility.HtmlEncode: markup characters as entities, Latin-1 supplement characters as numeric references. */
function htmlEncode(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&') out += '&amp;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&#39;';
    else if (c >= 160 && c < 256) out += `&#${c};`;
    else out += ch;
  }
  return out;
}

/** The value's .NET ToString() (an array is `System.Object[]`), HTML-encoded; null is empty. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return htmlEncode(toStr(invokeMethod(v, 'ToString', [])));
}

/** A resolved column: its label, and how to read its value (one property or one script). */
interface Column {
  label: string;
  spec: PropertySpec;
  property: string | null;
}

interface HtmlState {
  specs: PropertySpec[];
  columns: Column[] | null;
  count: number;
}

function extra(spec: PropertySpec, key: string): string | null {
  const h = spec.hashtable;
  if (!(h instanceof PSHashtable)) return null;
  for (const [k, v] of h.entries()) if (String(k).toLowerCase() === key) return v === null || v === undefined ? null : toStr(v);
  return null;
}

/** The columns the first object's properties give (wildcards expanded against it). */
function resolveColumns(ctx: CmdletContext<HtmlState>, input: unknown): Column[] | Promise<Column[]> {
  const out: Column[] = [];
  const pending: Promise<void>[] = [];
  for (const spec of ctx.state.specs) {
    if (spec.isScript) {
      out.push({ label: spec.name, spec, property: null });
      continue;
    }
    const pairs = evaluateSpec(ctx, spec, input);
    const add = (ps: Array<[string, unknown]>) => {
      // A Name/Label key names the column; otherwise each resolved property is its own label.
      const label = extra(spec, 'name') ?? extra(spec, 'label');
      for (const [name] of ps) out.push({ label: label ?? name, spec, property: name });
    };
    if (isPromise(pairs)) pending.push(pairs.then(add));
    else add(pairs);
  }
  return pending.length ? Promise.all(pending).then(() => out) : out;
}

function valueOf(ctx: CmdletContext<HtmlState>, col: Column, input: unknown): string | Promise<string> {
  const spec = col.property === null ? col.spec : { ...col.spec, wildcard: null, expression: col.property, isScript: false, name: col.property };
  const pairs = evaluateSpec(ctx, spec, input);
  const text = (ps: Array<[string, unknown]>) => ps.map(([, v]) => cellText(v)).join(', ');
  return isPromise(pairs) ? pairs.then(text) : text(pairs);
}

function colgroup(columns: Column[]): string {
  const cols = columns.map((c) => {
    const width = extra(c.spec, 'width');
    const align = extra(c.spec, 'alignment');
    return `<col${width !== null ? ` width = "${width}"` : ''}${align !== null ? ` align = "${align}"` : ''}/>`;
  });
  return `<colgroup>${cols.join('')}</colgroup>`;
}

async function writeObject(ctx: CmdletContext<HtmlState>, input: unknown): Promise<void> {
  const st = ctx.state;
  st.count++;
  const asList = String(ctx.params.As ?? 'Table').toLowerCase() === 'list';
  // A list resolves its rows for every object (with a rule between objects); a table once, from the first.
  if (asList || !st.columns) {
    const columns = await resolveColumns(ctx, input);
    if (columns.length === 0) return;
    if (asList) {
      if (st.count > 1) ctx.write('<tr><td><hr></td></tr>');
      for (const c of columns) ctx.write(`<tr><td>${c.label}:</td><td>${await valueOf(ctx, c, input)}</td></tr>`);
      return;
    }
    st.columns = columns;
    ctx.write(colgroup(columns));
    ctx.write(`<tr>${columns.map((c) => `<th>${c.label}</th>`).join('')}</tr>`);
  }
  const cells: string[] = [];
  for (const c of st.columns!) cells.push(`<td>${await valueOf(ctx, c, input)}</td>`);
  ctx.write(`<tr>${cells.join('')}</tr>`);
}

function writeLines(ctx: CmdletContext, v: unknown): void {
  for (const line of Array.isArray(v) ? v : [v]) ctx.write(line === null || line === undefined ? null : toStr(line));
}

export const convertToHtml: CmdletDecl<HtmlState> = {
  name: 'ConvertTo-Html',
  module: UTILITY_MODULE,
  synopsis: 'Converts .NET objects into HTML that can be displayed in a Web browser.',
  defaultParameterSet: 'Page',
  outputType: ['System.String'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Property', type: 'object[]', position: 0 },
    { name: 'Head', type: 'string[]', position: 1, parameterSets: ['Page'] },
    { name: 'Title', type: 'string', position: 2, parameterSets: ['Page'] },
    { name: 'Body', type: 'string[]', position: 3, parameterSets: ['Page'] },
    { name: 'As', type: 'string', validateSet: ['Table', 'List'] },
    { name: 'CssUri', type: 'string', aliases: ['cu', 'uri'], parameterSets: ['Page'] },
    { name: 'Fragment', type: 'switch', parameterSets: ['Fragment'] },
    { name: 'PostContent', type: 'string[]' },
    { name: 'PreContent', type: 'string[]' },
    { name: 'Meta', type: 'hashtable', parameterSets: ['Page'] },
    { name: 'Charset', type: 'string', parameterSets: ['Page'] },
    { name: 'Transitional', type: 'switch', parameterSets: ['Page'] },
  ],
  init: () => ({ specs: [], columns: null, count: 0 }),
  begin(ctx) {
    const p = ctx.params;
    ctx.state.specs = parsePropertySpecs(p.Property ?? ['*'], 'html');
    if (!p.Fragment) {
      ctx.write(
        p.Transitional
          ? '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
          : '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
      );
      ctx.write('<html xmlns="http://www.w3.org/1999/xhtml">');
      ctx.write('<head>');
      if (p.Charset !== undefined) ctx.write(`<meta charset="${toStr(p.Charset)}">`);
      if (p.Meta instanceof PSHashtable) {
        for (const [k, v] of p.Meta.entries()) {
          const key = toStr(k);
          const kind = ['content-type', 'default-style', 'x-ua-compatible'].includes(key.toLowerCase()) ? 'http-equiv' : 'name';
          if (kind === 'name' && !['application-name', 'author', 'description', 'generator', 'keywords', 'viewport'].includes(key.toLowerCase())) {
            ctx.writeWarning(`The specified meta property "${key}" with value "${toStr(v)}" is not supported by the ConvertTo-Html cmdlet.`);
          }
          ctx.write(`<meta ${kind}="${key}" content="${toStr(v)}">`);
        }
      }
      if (p.Head !== undefined && p.Head !== null) writeLines(ctx, p.Head);
      else ctx.write(`<title>${toStr(p.Title ?? 'HTML TABLE')}</title>`);
      if (p.CssUri !== undefined) ctx.write(`<link rel="stylesheet" type="text/css" href="${toStr(p.CssUri)}" />`);
      ctx.write('</head><body>');
      if (p.Body !== undefined && p.Body !== null) writeLines(ctx, p.Body);
    }
    if (p.PreContent !== undefined && p.PreContent !== null) writeLines(ctx, p.PreContent);
    ctx.write('<table>');
  },
  process(ctx) {
    const input = ctx.params.InputObject;
    if (input === null || input === undefined) return;
    return writeObject(ctx, input);
  },
  end(ctx) {
    ctx.write('</table>');
    if (ctx.params.PostContent !== undefined && ctx.params.PostContent !== null) writeLines(ctx, ctx.params.PostContent);
    if (!ctx.params.Fragment) ctx.write('</body></html>');
  },
};

export const cmdlets: CmdletDecl[] = [convertToHtml];
