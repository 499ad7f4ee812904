// Select-Xml (XPath over documents, files or strings → SelectXmlInfo) and ConvertTo-Xml (objects as pwsh's
// <Objects><Object Type=...><Property Name=...> document, string or stream).
import * as fs from 'node:fs';
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSRuntimeError } from '../../runtime/errors.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { typeOf } from '../../runtime/types/index.js';
import { TYPE_NAME } from '../../runtime/types/simple-values.js';
import { loadXmlSupport } from '../../runtime/types/xml-support.js';
import { XmlDocument, XmlNode } from '../../runtime/xml/dom.js';
import { XmlNamespaceManager } from '../../runtime/xml/adapter.js';
import { XmlParseError, parseXml } from '../../runtime/xml/parser.js';
import { indentedXml, innerXml } from '../../runtime/xml/serialize.js';
import { XPathError, selectNodes } from '../../runtime/xml/xpath.js';
import { convertToXmlDocument } from '../../runtime/xml/index.js';
import { isScalar } from '../../runtime/format/display.js';
import { UTILITY_MODULE, enumerateValue, propertyNames, getProp } from './util.js';
import { resolveFsPath, resolveFsPaths } from './fs-items.js';

/** Microsoft.PowerShell.Commands.SelectXmlInfo: a match, its file (or InputStream) and the XPath. */
export class SelectXmlInfo {
  constructor(
    public Node: XmlNode,
    public Path: string,
    public Pattern: string,
  ) {}
  get [TYPE_NAME](): string {
    return 'Microsoft.PowerShell.Commands.SelectXmlInfo';
  }
  /** The node's text (Value, else InnerXml, trimmed), then `:path` for a file's match. */
  toString(): string {
    const n = this.Node;
    const v = n.nodeType === 1 || n.nodeType === 9 ? null : n.value;
    const text = (v ?? (n.nodeType === 1 || n.nodeType === 9 ? innerXml(n) : '')).trim();
    return this.Path === 'InputStream' ? text : `${text}:${this.Path}`;
  }
}


function namespaceResolver(ctx: CmdletContext, ns: unknown): ((p: string) => string | null) | undefined {
  if (!(ns instanceof PSHashtable)) return undefined;
  const m = new XmlNamespaceManager();
  for (const [k, v] of ns.entries()) {
    if (k === null || v === null || v === undefined) {
      ctx.writeError({ message: 'Prefix cannot be null. Provide a valid prefix.', errorId: 'PrefixError', category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException', targetObject: ns });
      continue;
    }
    m.AddNamespace(toStr(k), toStr(v));
  }
  return m.resolver();
}

function select(ctx: CmdletContext, node: XmlNode, path: string): void {
  const xpath = String(ctx.params.XPath);
  let nodes: XmlNode[];
  try {
    nodes = selectNodes(xpath, node, namespaceResolver(ctx, ctx.params.Namespace));
  } catch (e) {
    if (e instanceof XPathError) {
      ctx.throwTerminating({ message: e.message, errorId: 'System.Xml.XPath.XPathException', category: 'NotSpecified', exceptionType: 'System.Xml.XPath.XPathException', targetObject: null });
    }
    throw e;
  }
  for (const n of nodes) ctx.write(new SelectXmlInfo(n, path || 'InputStream', xpath));
}

/** Drives of providers that hold no files: Select-Xml can't read an item there. */
const NON_FILE_PROVIDERS: Record<string, string> = { env: 'Environment', variable: 'Variable', function: 'Function', alias: 'Alias' };

const selectXml: CmdletDecl = {
  name: 'Select-Xml',
  module: UTILITY_MODULE,
  defaultParameterSet: 'Xml',
  outputType: ['Microsoft.PowerShell.Commands.SelectXmlInfo'],
  parameters: [
    { name: 'XPath', type: 'string', position: 0, mandatory: true, validateNotNullOrEmpty: true },
    { name: 'Xml', type: 'object[]', aliases: ['Node'], position: 1, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Xml'], validateNotNullOrEmpty: true },
    { name: 'Path', type: 'string[]', position: 1, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'], validateNotNullOrEmpty: true },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'], validateNotNullOrEmpty: true },
    { name: 'Content', type: 'string[]', mandatory: true, valueFromPipeline: true, parameterSets: ['Content'], validateNotNullOrEmpty: true },
    { name: 'Namespace', type: 'hashtable', validateNotNullOrEmpty: true },
  ],
  async begin() {
    await loadXmlSupport();
  },
  process(ctx) {
    const p = ctx.params;
    if (p.Xml !== undefined) {
      for (const raw of p.Xml as unknown[]) {
        const x = raw instanceof PSObject && raw.baseObject instanceof XmlNode ? raw.baseObject : raw;
        if (!(x instanceof XmlNode)) {
          ctx.throwTerminating({
            message: `Cannot bind parameter 'Xml'. Cannot convert the "${toStr(x)}" value of type "${typeOf(x).FullName}" to type "System.Xml.XmlNode".`,
            errorId: 'CannotConvertArgumentNoMessage', category: 'InvalidArgument', exceptionType: 'System.Management.Automation.ParameterBindingException',
          });
        }
        select(ctx, x as XmlNode, '');
      }
      return;
    }
    if (p.Content !== undefined) {
      for (const text of p.Content as string[]) {
        let doc: XmlDocument;
        try {
          doc = convertToXmlDocument(text);
        } catch (e) {
          if (e instanceof PSRuntimeError) {
            const ex = e.errorRecord.Exception;
            ctx.writeError({ message: ex.Message, errorId: 'InvalidCastToXmlDocument', category: 'InvalidArgument', exceptionType: ex.typeName, targetObject: text });
            continue;
          }
          throw e;
        }
        select(ctx, doc, '');
      }
      return;
    }
    const literal = p.LiteralPath !== undefined;
    const files: string[] = [];
    for (const raw of (literal ? p.LiteralPath : p.Path) as string[]) {
      const provider = NON_FILE_PROVIDERS[/^([a-z]+):/i.exec(raw)?.[1]?.toLowerCase() ?? ''];
      if (provider) {
        ctx.writeError({
          message: `Cannot open file because the current provider (Microsoft.PowerShell.Core\\${provider}) cannot open a file.`,
          errorId: 'ProcessingFile', category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException', targetObject: raw,
        });
        continue;
      }
      if (literal) files.push(resolveFsPath(ctx, raw));
      else files.push(...resolveFsPaths(ctx, raw));
    }
    for (const file of files) {
      let doc: XmlDocument;
      try {
        doc = parseXml(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), true);
      } catch (e) {
        const message = e instanceof XmlParseError ? e.message : (e as Error).message;
        ctx.writeError({ message: `Cannot open the file ${file} because: ${message}`, errorId: 'ProcessingFile', category: 'InvalidArgument', exceptionType: 'System.ArgumentException', targetObject: file });
        continue;
      }
      select(ctx, doc, file);
    }
  },
};

// ------------------------------------------------------------------------------------------------
// ConvertTo-Xml

interface Writer {
  doc: XmlDocument;
  noType: boolean;
}

function typeName(v: unknown): string {
  if (v instanceof PSObject && v.baseObject === undefined) return v.typeNames[0] ?? 'System.Management.Automation.PSCustomObject';
  return typeOf(v).FullName;
}

/** One value as an <Object>/<Property> element's content: text for scalars, child Property elements otherwise. */
function fill(w: Writer, el: XmlNode, value: unknown, depth: number): void {
  const v = value instanceof PSObject && value.baseObject !== undefined && value.baseObject !== null ? value.baseObject : value;
  if (!w.noType) el.setAttribute('Type', v === null || v === undefined ? '' : typeName(value));
  if (v === null || v === undefined) return;
  if (isScalar(v) || v instanceof Date || typeof v !== 'object') {
    el.appendChild(w.doc.createTextNode(toStr(v)));
    return;
  }
  if (v instanceof PSHashtable) {
    for (const [k, x] of v.entries()) {
      el.appendChild(property(w, 'Key', k, depth - 1));
      el.appendChild(property(w, 'Value', x, depth - 1));
    }
    return;
  }
  const items = enumerateValue(v);
  if (items) {
    for (const x of items) el.appendChild(property(w, null, x, depth - 1));
    return;
  }
  if (depth <= 0) {
    el.appendChild(w.doc.createTextNode(toStr(v)));
    return;
  }
  for (const name of propertyNames(value)) el.appendChild(property(w, name, getProp(value, name), depth - 1));
}

function property(w: Writer, name: string | null, value: unknown, depth: number): XmlNode {
  const el = w.doc.createElement('Property');
  if (name !== null) el.setAttribute('Name', name);
  const complex = value !== null && typeof value === 'object' && !isScalar(value) && !(value instanceof Date) && !(value instanceof PSHashtable) && !enumerateValue(value);
  if (complex && depth < 0) {
    if (!w.noType) el.setAttribute('Type', typeName(value));
    el.appendChild(w.doc.createTextNode(toStr(value)));
    return el;
  }
  fill(w, el, value, depth);
  return el;
}

const convertToXml: CmdletDecl<{ objects: XmlNode[]; w: Writer | null }> = {
  name: 'ConvertTo-Xml',
  module: UTILITY_MODULE,
  parameters: [
    { name: 'InputObject', type: 'object', position: 0, mandatory: true, valueFromPipeline: true, allowNull: true },
    { name: 'Depth', type: 'int', validateRange: [1, 2147483647] },
    { name: 'NoTypeInformation', type: 'switch' },
    { name: 'As', type: 'string', validateSet: ['Stream', 'String', 'Document'] },
  ],
  init: () => ({ objects: [], w: null }),
  async begin(ctx) {
    await loadXmlSupport();
    const doc = new XmlDocument();
    ctx.state.w = { doc, noType: ctx.params.NoTypeInformation === true || (ctx.params.NoTypeInformation as { IsPresent?: boolean })?.IsPresent === true };
    const mode = String(ctx.params.As ?? 'Document').toLowerCase();
    if (mode === 'stream') {
      ctx.write('<?xml version="1.0" encoding="utf-8"?>');
      ctx.write('<Objects>');
    }
  },
  process(ctx) {
    const w = ctx.state.w!;
    const el = w.doc.createElement('Object');
    fill(w, el, ctx.params.InputObject ?? null, (ctx.params.Depth as number | undefined) ?? 1);
    if (String(ctx.params.As ?? 'Document').toLowerCase() === 'stream') ctx.write(indentedXml(el, '  ', '\n'));
    else ctx.state.objects.push(el);
  },
  end(ctx) {
    const w = ctx.state.w!;
    const mode = String(ctx.params.As ?? 'Document').toLowerCase();
    if (mode === 'stream') {
      ctx.write('</Objects>');
      return;
    }
    const doc = w.doc;
    doc.appendChild(doc.createXmlDeclaration('1.0', 'utf-8', ''));
    const root = doc.createElement('Objects');
    doc.appendChild(root);
    for (const o of ctx.state.objects) root.appendChild(o);
    ctx.write(mode === 'string' ? indentedXml(doc, '  ', '\n') : doc);
  },
};

export const cmdlets: CmdletDecl[] = [selectXml, convertToXml];
