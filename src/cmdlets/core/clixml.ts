// Export-Clixml / Import-Clixml: PowerShell's CLIXML serialization (Objs Version 1.1.0.1) of the common values:
// primitives, dates, arrays and lists, hashtables and ordered dictionaries, and property bags, which come back as
// "Deserialized." objects. Objects deeper than -Depth (2) are written as their string.
import * as fs from 'node:fs';
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { PSChar, PSDecimal, PSDouble, PSNumber, isInt32 } from '../../runtime/values/numbers.js';
import { typeNamesOf } from '../../runtime/types/index.js';
import { formatDateTime, parseDateTime } from '../../runtime/types/datetime.js';
import { PSGuid } from '../../runtime/types/simple-values.js';
import { loadXmlSupport } from '../../runtime/types/xml-support.js';
import { NodeType, type XmlNode } from '../../runtime/xml/dom.js';
import { XmlParseError, parseXml } from '../../runtime/xml/parser.js';
import { escapeAttribute, escapeText } from '../../runtime/xml/serialize.js';
import { isScalar } from '../../runtime/format/display.js';
import { UTILITY_MODULE, enumerateValue, getProp, propertyNames } from './util.js';
import { resolveFsPath } from './fs-items.js';

const NS = 'http://schemas.microsoft.com/powershell/2004/04';

/** CLIXML strings escape control characters (and `_x`, to keep the escape unambiguous) as `_xHHHH_`. */
function encode(s: string): string {
  return escapeText(s.replace(/_x(?=[0-9A-Fa-f]{4}_)/g, '_x005F_x').replace(/[\x00-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
}
function decode(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

class Writer {
  lines: string[] = [];
  refId = 0;
  typeRefs = new Map<string, number>();
  constructor(readonly depth: number) {}

  value(v: unknown, indent: string, name: string | null, depth: number): void {
    const n = name === null ? '' : ` N="${escapeAttribute(name)}"`;
    const leaf = (tag: string, text: string): void => void this.lines.push(`${indent}<${tag}${n}>${text}</${tag}>`);
    if (v instanceof PSObject && v.baseObject !== undefined && v.baseObject !== null && isScalar(v.baseObject)) v = v.baseObject;
    if (v === null || v === undefined) return void this.lines.push(`${indent}<Nil${n} />`);
    if (typeof v === 'string') return leaf('S', encode(v));
    if (typeof v === 'boolean') return leaf('B', v ? 'true' : 'false');
    if (typeof v === 'number') return isInt32(v) ? leaf('I32', String(v)) : leaf('Db', toStr(v));
    if (typeof v === 'bigint') return leaf('I64', v.toString());
    if (v instanceof PSDouble) return leaf('Db', toStr(v));
    if (v instanceof PSDecimal) return leaf('D', toStr(v));
    if (v instanceof PSChar) return leaf('C', String(v.code));
    if (v instanceof PSNumber) {
      const tags: Record<string, string> = { Byte: 'By', SByte: 'SB', Int16: 'I16', UInt16: 'U16', UInt32: 'U32', UInt64: 'U64', Single: 'Sg' };
      return leaf(tags[v.type] ?? 'S', toStr(v));
    }
    if (v instanceof Date) return leaf('DT', formatDateTime(v, 'o'));
    if (v instanceof PSGuid) return leaf('G', v.value);
    const id = this.refId++;
    this.lines.push(`${indent}<Obj${n} RefId="${id}">`);
    const inner = indent + '  ';
    const types = v instanceof PSHashtable ? [v.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable', 'System.Object'] : typeNamesOf(v);
    const key = types.join('|');
    const known = this.typeRefs.get(key);
    if (known !== undefined) this.lines.push(`${inner}<TNRef RefId="${known}" />`);
    else {
      const tn = this.typeRefs.size;
      this.typeRefs.set(key, tn);
      this.lines.push(`${inner}<TN RefId="${tn}">`);
      for (const t of types) this.lines.push(`${inner}  <T>${escapeText(t)}</T>`);
      this.lines.push(`${inner}</TN>`);
    }
    if (v instanceof PSHashtable) {
      this.lines.push(`${inner}<DCT>`);
      for (const [k, x] of v.entries()) {
        this.lines.push(`${inner}  <En>`);
        this.value(k, inner + '    ', 'Key', depth - 1);
        this.value(x, inner + '    ', 'Value', depth - 1);
        this.lines.push(`${inner}  </En>`);
      }
      this.lines.push(`${inner}</DCT>`);
    } else {
      const items = enumerateValue(v);
      if (items) {
        this.lines.push(`${inner}<LST>`);
        for (const x of items) this.value(x, inner + '  ', null, depth - 1);
        this.lines.push(`${inner}</LST>`);
      } else if (depth <= 0) {
        this.lines.push(`${inner}<ToString>${encode(toStr(v))}</ToString>`);
      } else {
        const props = propertyNames(v);
        const ms = v instanceof PSObject && v.baseObject === undefined;
        this.lines.push(`${inner}<${ms ? 'MS' : 'Props'}>`);
        for (const p of props) this.value(getProp(v, p), inner + '  ', p, depth - 1);
        this.lines.push(`${inner}</${ms ? 'MS' : 'Props'}>`);
      }
    }
    this.lines.push(`${indent}</Obj>`);
  }
}

/** The CLIXML document of some values. */
export function toClixml(values: unknown[], depth: number): string {
  const w = new Writer(depth);
  w.lines.push(`<Objs Version="1.1.0.1" xmlns="${NS}">`);
  for (const v of values) w.value(v, '  ', null, depth);
  w.lines.push('</Objs>');
  return w.lines.join('\n');
}

const REHYDRATED = new Set(['System.Collections.Hashtable', 'System.Collections.Specialized.OrderedDictionary']);

class Reader {
  types = new Map<string, string[]>();
  refs = new Map<string, unknown>();

  elements(n: XmlNode): XmlNode[] {
    return n.children.filter((c) => c.nodeType === NodeType.Element);
  }

  value(el: XmlNode): unknown {
    const text = decode(el.innerText);
    switch (el.localName) {
      case 'Nil': return null;
      case 'S': case 'URI': case 'XD': case 'SBK': return text;
      case 'B': return text === 'true';
      case 'I32': return Number(text);
      case 'I64': return BigInt(text);
      case 'Db': case 'Sg': return Number(text);
      case 'D': return PSDecimal.parse(text);
      case 'By': return new PSNumber('Byte', Number(text));
      case 'SB': return new PSNumber('SByte', Number(text));
      case 'I16': return new PSNumber('Int16', Number(text));
      case 'U16': return new PSNumber('UInt16', Number(text));
      case 'U32': return new PSNumber('UInt32', Number(text));
      case 'U64': return new PSNumber('UInt64', BigInt(text));
      case 'C': return new PSChar(Number(text));
      case 'DT': return parseDateTime(text) ?? text;
      case 'G': return PSGuid.parse(text) ?? text;
      case 'Ref': return this.refs.get(el.getAttribute('RefId')) ?? null;
      case 'Obj': return this.object(el);
    }
    return text;
  }

  object(el: XmlNode): unknown {
    let types: string[] = [];
    let result: unknown = null;
    let bag: PSObject | null = null;
    const ensureBag = (): PSObject => (bag ??= new PSObject(types.map((t) => 'Deserialized.' + t)));
    for (const c of this.elements(el)) {
      switch (c.localName) {
        case 'TN':
          types = this.elements(c).map((t) => t.innerText);
          this.types.set(c.getAttribute('RefId'), types);
          break;
        case 'TNRef':
          types = this.types.get(c.getAttribute('RefId')) ?? [];
          break;
        case 'DCT': {
          const h = new PSHashtable(types[0] === 'System.Collections.Specialized.OrderedDictionary');
          for (const en of this.elements(c)) {
            let k: unknown = null;
            let v: unknown = null;
            for (const kv of this.elements(en)) {
              if (kv.getAttribute('N') === 'Key') k = this.value(kv);
              else v = this.value(kv);
            }
            h.set(k, v);
          }
          result = REHYDRATED.has(types[0] ?? '') || types.length === 0 ? h : h;
          break;
        }
        case 'LST': case 'IE': case 'STK': case 'QUE':
          result = this.elements(c).map((x) => this.value(x));
          break;
        case 'ToString':
          if (result === null && bag === null) result = decode(c.innerText);
          break;
        case 'MS': case 'Props':
          for (const p of this.elements(c)) ensureBag().setProperty(p.getAttribute('N'), this.value(p));
          break;
        default:
          if (!['TN', 'TNRef'].includes(c.localName)) result = this.value(c);
      }
    }
    const out = bag ?? (result === null && types.length ? ensureBag() : result);
    this.refs.set(el.getAttribute('RefId'), out);
    return out;
  }
}

const exportClixml: CmdletDecl<{ items: unknown[] }> = {
  name: 'Export-Clixml',
  module: UTILITY_MODULE,
  supportsShouldProcess: true,
  parameters: [
    { name: 'Path', type: 'string', position: 0, mandatory: ['ByPath'], parameterSets: ['ByPath'] },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], mandatory: ['ByLiteralPath'], parameterSets: ['ByLiteralPath'] },
    { name: 'InputObject', type: 'object', mandatory: true, valueFromPipeline: true, allowNull: true },
    { name: 'Depth', type: 'int', validateRange: [1, 2147483647] },
    { name: 'Force', type: 'switch' },
    { name: 'NoClobber', type: 'switch', aliases: ['NoOverwrite'] },
    { name: 'Encoding', type: 'object' },
  ],
  defaultParameterSet: 'ByPath',
  init: () => ({ items: [] }),
  async begin() {
    await loadXmlSupport();
  },
  process(ctx) {
    ctx.state.items.push(ctx.params.InputObject ?? null);
  },
  end(ctx) {
    const file = resolveFsPath(ctx, String(ctx.params.LiteralPath ?? ctx.params.Path));
    if (ctx.params.NoClobber && fs.existsSync(file)) {
      ctx.throwTerminating({ message: `The file '${file}' already exists.`, errorId: 'NoClobber', category: 'ResourceExists', exceptionType: 'System.IO.IOException', targetObject: file });
    }
    fs.writeFileSync(file, toClixml(ctx.state.items, (ctx.params.Depth as number | undefined) ?? 2));
  },
};

const importClixml: CmdletDecl = {
  name: 'Import-Clixml',
  module: UTILITY_MODULE,
  defaultParameterSet: 'ByPath',
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, mandatory: ['ByPath'], parameterSets: ['ByPath'], valueFromPipelineByPropertyName: true },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: ['ByLiteralPath'], parameterSets: ['ByLiteralPath'], valueFromPipelineByPropertyName: true },
    { name: 'IncludeTotalCount', type: 'switch' },
    { name: 'Skip', type: 'long' },
    { name: 'First', type: 'long' },
  ],
  async begin() {
    await loadXmlSupport();
  },
  process(ctx) {
    for (const raw of (ctx.params.LiteralPath ?? ctx.params.Path) as string[]) {
      const file = resolveFsPath(ctx, raw);
      if (!fs.existsSync(file)) {
        ctx.writeError({ message: `Could not find file '${file}'.`, errorId: 'System.IO.FileNotFoundException', category: 'ObjectNotFound', exceptionType: 'System.IO.FileNotFoundException', targetObject: file });
        continue;
      }
      let doc: ReturnType<typeof parseXml> | undefined;
      try {
        doc = parseXml(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      } catch (e) {
        if (!(e instanceof XmlParseError)) throw e;
        ctx.throwTerminating({ message: e.message, errorId: 'System.Xml.XmlException', category: 'NotSpecified', exceptionType: 'System.Xml.XmlException', targetObject: null });
      }
      const reader = new Reader();
      const root = doc!.documentElement!;
      for (const el of reader.elements(root)) {
        const v = reader.value(el);
        if (Array.isArray(v)) ctx.write(v, false);
        else ctx.write(v);
      }
    }
  },
};

export const cmdlets: CmdletDecl[] = [exportClixml, importClixml];
