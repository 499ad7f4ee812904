// pwsh's XmlNodeAdapter: attributes and child nodes read (and write) as properties, ahead of XmlNode's own .NET
// properties; plus the .NET members scripts call on XmlDocument/XmlElement (SelectNodes, AppendChild, Save...).
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { runtimeError } from '../errors.js';
import { toStr } from '../values/convert.js';
import { ADAPTER, type AdaptedMember, type ObjectAdapter } from '../types/adapted.js';
import { argBool, argStr, unwrapArg } from '../types/method-args.js';
import { DotNetError, argumentError, callWrapped, overloadCountError } from '../types/method-errors.js';
import { resolveType } from '../types/ps-type.js';
import { PSEnumValue, TYPE_NAME } from '../types/simple-values.js';
import { NodeType, XmlDeclarationNode, XmlDocument, XmlNode, isTextLike } from './dom.js';
import { XmlParseError, loadXml, parseFragment } from './parser.js';
import { indentedXml, innerXml, outerXml } from './serialize.js';
import { XPathError, selectNodes } from './xpath.js';

/** System.Xml.NameTable: only passed to XmlNamespaceManager's constructor (names are not atomized here). */
export class XmlNameTable {
  get [TYPE_NAME](): string {
    return 'System.Xml.NameTable';
  }
}
const NAME_TABLE = new XmlNameTable();

/** System.Xml.XmlNamespaceManager: prefix → URI for XPath queries. */
export class XmlNamespaceManager {
  readonly map = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace'], ['xmlns', 'http://www.w3.org/2000/xmlns/']]);
  get [TYPE_NAME](): string {
    return 'System.Xml.XmlNamespaceManager';
  }
  get DefaultNamespace(): string {
    return this.map.get('') ?? '';
  }
  AddNamespace(prefix: unknown, uri: unknown): void {
    this.map.set(argStr(prefix), argStr(uri));
  }
  LookupNamespace(prefix: unknown): string | null {
    return this.map.get(argStr(prefix)) ?? null;
  }
  HasNamespace(prefix: unknown): boolean {
    return this.map.has(argStr(prefix));
  }
  RemoveNamespace(prefix: unknown): void {
    this.map.delete(argStr(prefix));
  }
  resolver(): (prefix: string) => string | null {
    return (p) => this.map.get(p) ?? null;
  }
}

function xmlError(e: unknown): unknown {
  if (e instanceof XmlParseError) return new DotNetError('System.Xml.XmlException', e.message);
  if (e instanceof XPathError) return new DotNetError('System.Xml.XPath.XPathException', e.message);
  return e;
}

function wrapXml<R>(fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    throw xmlError(e);
  }
}

// ------------------------------------------------------------------------------------------------
// Properties

/** The nodes a property name stands for: attributes, then child nodes (not whitespace), by local name. */
function findNodes(n: XmlNode, name: string): XmlNode[] {
  const lower = name.toLowerCase();
  const out: XmlNode[] = [];
  for (const a of n.attributes ?? []) if (a.localName.toLowerCase() === lower) out.push(a);
  for (const c of n.children) if (c.nodeType !== NodeType.Whitespace && c.localName.toLowerCase() === lower) out.push(c);
  return out;
}

/** XmlNodeAdapter.GetNodeObject: text and text-only elements read as strings, others as nodes. */
function nodeObject(n: XmlNode): unknown {
  if (n.nodeType === NodeType.Text || n.nodeType === NodeType.CDATA) return n.innerText;
  if (n.attributes && n.attributes.length) return n;
  if (n.children.length === 0) return n.innerText;
  if (n.children.length === 1 && n.children[0]!.nodeType === NodeType.Text) return n.innerText;
  if (n.nodeType === NodeType.Attribute) return n.value ?? '';
  return n;
}

function setNodeProperty(n: XmlNode, name: string, nodes: XmlNode[], value: unknown): void {
  const text = toStr(value);
  const fail = (id: string): never => {
    throw runtimeError(`Exception setting "${name}": "Cannot set "${name}" because only strings can be used as values to set XmlNode properties."`, id, {
      category: 'NotSpecified', exceptionType: 'System.Management.Automation.SetValueInvocationException',
    });
  };
  if (nodes.length > 1) fail('XmlNodeSetRestrictionsMoreThanOneNode');
  const node = nodes[0]!;
  if (node.nodeType === NodeType.Text) {
    node.value = text;
    return;
  }
  if (node.nodeType === NodeType.Attribute) {
    node.value = text;
    return;
  }
  if (node.attributes && node.attributes.length) fail('XmlNodeSetRestrictionsNodeWithAttributes');
  if (node.children.length === 0 || (node.children.length === 1 && node.children[0]!.nodeType === NodeType.Text)) {
    node.innerText = text;
    return;
  }
  fail('XmlNodeSetRestrictionsUnknownNodeType');
}

function nodeTypeValue(n: XmlNode): PSEnumValue {
  return new PSEnumValue(resolveType('System.Xml.XmlNodeType')!, n.nodeType);
}

type Getter = (n: XmlNode) => unknown;
const isElement = (n: XmlNode): boolean => n.nodeType === NodeType.Element;
const isDoc = (n: XmlNode): boolean => n.nodeType === NodeType.Document;

/** XmlNode's .NET properties by lower-case name: [name, getter, applies-to]. */
const DOTNET_PROPS: [string, Getter, ((n: XmlNode) => boolean)?][] = [
  ['Name', (n) => n.name],
  ['LocalName', (n) => n.localName],
  ['Prefix', (n) => n.prefix],
  ['NamespaceURI', (n) => n.namespaceURI],
  ['NodeType', nodeTypeValue],
  ['Value', (n) => (n.nodeType === NodeType.Element || isDoc(n) || n.nodeType === NodeType.DocumentFragment ? null : n.nodeType === NodeType.XmlDeclaration ? n.innerText : n.value)],
  ['InnerText', (n) => n.innerText],
  ['InnerXml', (n) => innerXml(n)],
  ['OuterXml', (n) => outerXml(n)],
  ['ParentNode', (n) => n.parent],
  ['ChildNodes', (n) => [...n.children]],
  ['FirstChild', (n) => n.firstChild],
  ['LastChild', (n) => n.lastChild],
  ['NextSibling', (n) => n.nextSibling],
  ['PreviousSibling', (n) => n.previousSibling],
  ['OwnerDocument', (n) => n.ownerDocument],
  ['HasChildNodes', (n) => n.children.length > 0],
  ['Attributes', (n) => (n.attributes ? [...n.attributes] : null)],
  ['BaseURI', () => ''],
  ['NameTable', () => NAME_TABLE, isDoc],
  ['IsReadOnly', () => false],
  ['DocumentElement', (n) => (n as XmlDocument).documentElement, isDoc],
  ['PreserveWhitespace', (n) => (n as XmlDocument).preserveWhitespace, isDoc],
  ['HasAttributes', (n) => (n.attributes?.length ?? 0) > 0, isElement],
  ['IsEmpty', (n) => n.children.length === 0 && n.isEmpty, isElement],
  ['OwnerElement', (n) => n.ownerElement, (n) => n.nodeType === NodeType.Attribute],
  ['Specified', () => true, (n) => n.nodeType === NodeType.Attribute],
  ['Data', (n) => n.value ?? '', (n) => isTextLike(n) || n.nodeType === NodeType.Comment || n.nodeType === NodeType.ProcessingInstruction],
  ['Length', (n) => (n.value ?? '').length, (n) => isTextLike(n) || n.nodeType === NodeType.Comment],
  ['Target', (n) => n.name, (n) => n.nodeType === NodeType.ProcessingInstruction],
  ['Version', (n) => (n as XmlDeclarationNode).version, (n) => n.nodeType === NodeType.XmlDeclaration],
  ['Encoding', (n) => (n as XmlDeclarationNode).encoding, (n) => n.nodeType === NodeType.XmlDeclaration],
  ['Standalone', (n) => (n as XmlDeclarationNode).standalone, (n) => n.nodeType === NodeType.XmlDeclaration],
];
const DOTNET_BY_NAME = new Map(DOTNET_PROPS.map((p) => [p[0].toLowerCase(), p]));

function dotnetProperty(n: XmlNode, name: string): { value: unknown } | null {
  const p = DOTNET_BY_NAME.get(name.toLowerCase());
  if (!p || (p[2] && !p[2](n))) return null;
  const v = p[1](n);
  return { value: v === undefined ? null : v };
}

function setDotnetProperty(n: XmlNode, name: string, value: unknown): boolean {
  const text = (): string => toStr(unwrapArg(value));
  switch (name.toLowerCase()) {
    case 'innertext':
      if (isDoc(n)) throw runtimeError(`Exception setting "InnerText": "The 'InnerText' of a 'Document' node is read-only and cannot be set."`, 'SetValueInvocationException', { exceptionType: 'System.Management.Automation.SetValueInvocationException' });
      n.innerText = text();
      return true;
    case 'innerxml':
      wrapSet('InnerXml', () => setInnerXml(n, text()));
      return true;
    case 'value':
      if (n.nodeType === NodeType.Element || isDoc(n)) throw runtimeError(`Exception setting "Value": "Cannot set a value on node type '${n.nodeType === NodeType.Element ? 'Element' : 'Document'}'."`, 'SetValueInvocationException', { exceptionType: 'System.Management.Automation.SetValueInvocationException' });
      n.value = text();
      return true;
    case 'preservewhitespace':
      if (!isDoc(n)) return false;
      (n as XmlDocument).preserveWhitespace = argBool(value);
      return true;
    case 'prefix':
      if (n.nodeType !== NodeType.Element && n.nodeType !== NodeType.Attribute) return false;
      n.name = (text() ? text() + ':' : '') + n.localName;
      return true;
  }
  return false;
}

function wrapSet(prop: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    const err = xmlError(e);
    if (err instanceof DotNetError) throw runtimeError(`Exception setting "${prop}": "${err.message}"`, 'SetValueInvocationException', { exceptionType: 'System.Management.Automation.SetValueInvocationException' });
    throw e;
  }
}

function setInnerXml(n: XmlNode, text: string): void {
  if (isDoc(n)) {
    loadXml(n as XmlDocument, text);
    return;
  }
  const nodes = parseFragment(n.owner!, text);
  n.removeAll(false);
  for (const c of nodes) n.appendChild(c);
}

function adaptedNames(n: XmlNode): string[] {
  const names = new Map<string, string>();
  for (const a of n.attributes ?? []) if (!names.has(a.localName.toLowerCase())) names.set(a.localName.toLowerCase(), a.localName);
  for (const c of n.children) if (c.nodeType !== NodeType.Whitespace && !names.has(c.localName.toLowerCase())) names.set(c.localName.toLowerCase(), c.localName);
  return [...names.values()];
}

// ------------------------------------------------------------------------------------------------
// Methods

function nodeArg(method: string, v: unknown): XmlNode {
  const x = unwrapArg(v);
  if (x instanceof XmlNode) return x;
  throw runtimeError(
    `Cannot convert argument "newChild", with value: "${toStr(x)}", for "${method}" to type "System.Xml.XmlNode": "Cannot convert the "${toStr(x)}" value of type "${x === null ? 'null' : 'System.String'}" to type "System.Xml.XmlNode"."`,
    'MethodArgumentConversionInvalidCastArgument',
    { exceptionType: 'System.Management.Automation.MethodException' },
  );
}

function docOf(n: XmlNode): XmlDocument {
  return isDoc(n) ? (n as XmlDocument) : n.owner!;
}

function checkInsert(parent: XmlNode, child: XmlNode): void {
  if (child.owner !== docOf(parent) && !(isDoc(child))) throw argumentError('The node to be inserted is from a different document context.');
  for (let p: XmlNode | null = parent; p; p = p.parent) if (p === child) throw invalidOp('The new child element is an ancestor of the current node.');
  if (isDoc(parent) && child.nodeType === NodeType.Element && (parent as XmlDocument).documentElement && child.parent !== parent) {
    throw invalidOp('This document already has a \'DocumentElement\' node.');
  }
  if (child.nodeType === NodeType.Attribute || isDoc(child)) throw invalidOp(`The specified node cannot be inserted as the valid child of this node, because the specified node is the wrong type.`);
}

function invalidOp(message: string): DotNetError {
  return new DotNetError('System.InvalidOperationException', message);
}

function childIndex(parent: XmlNode, ref: XmlNode): number {
  const i = parent.children.indexOf(ref);
  if (i < 0) throw argumentError('The reference node is not a child of this node.');
  return i;
}

function nsResolver(v: unknown): ((p: string) => string | null) | undefined {
  const x = unwrapArg(v);
  return x instanceof XmlNamespaceManager ? x.resolver() : undefined;
}

function resolvePath(p: unknown): string {
  return nodePath.resolve(argStr(p));
}

function readFile(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      if (!fs.existsSync(nodePath.dirname(path))) throw new DotNetError('System.IO.DirectoryNotFoundException', `Could not find a part of the path '${path}'.`);
      throw new DotNetError('System.IO.FileNotFoundException', `Could not find file '${path}'.`);
    }
    throw new DotNetError('System.IO.IOException', err.message);
  }
}

/** XmlDocument.Save: indented, with the declaration's encoding (UTF-8 by default). */
export function documentText(doc: XmlNode): string {
  return indentedXml(doc);
}

type Method = (n: XmlNode, a: unknown[]) => unknown;
const ALL = (): boolean => true;

/** [name, arities, implementation, applies-to, Get-Member definition]. */
const METHODS: [string, number[], Method, (n: XmlNode) => boolean, string][] = [
  ['GetAttribute', [1], (n, a) => n.getAttribute(argStr(a[0])), isElement, 'string GetAttribute(string name)'],
  ['SetAttribute', [2], (n, a) => void n.setAttribute(argStr(a[0]), argStr(a[1])), isElement, 'void SetAttribute(string name, string value)'],
  ['HasAttribute', [1], (n, a) => !!n.getAttributeNode(argStr(a[0])), isElement, 'bool HasAttribute(string name)'],
  ['RemoveAttribute', [1], (n, a) => void n.removeAttribute(argStr(a[0])), isElement, 'void RemoveAttribute(string name)'],
  ['GetAttributeNode', [1], (n, a) => n.getAttributeNode(argStr(a[0])), isElement, 'System.Xml.XmlAttribute GetAttributeNode(string name)'],
  ['SetAttributeNode', [1], (n, a) => n.setAttributeNode(nodeArg('SetAttributeNode', a[0])), isElement, 'System.Xml.XmlAttribute SetAttributeNode(System.Xml.XmlAttribute newAttr)'],
  ['RemoveAllAttributes', [0], (n) => void (n.attributes && (n.attributes.length = 0)), isElement, 'void RemoveAllAttributes()'],
  ['RemoveAll', [0], (n) => void n.removeAll(), ALL, 'void RemoveAll()'],
  ['AppendChild', [1], (n, a) => {
    const c = nodeArg('AppendChild', a[0]);
    checkInsert(n, c);
    return n.appendChild(c);
  }, ALL, 'System.Xml.XmlNode AppendChild(System.Xml.XmlNode newChild)'],
  ['PrependChild', [1], (n, a) => {
    const c = nodeArg('PrependChild', a[0]);
    checkInsert(n, c);
    return n.insertAt(c, 0);
  }, ALL, 'System.Xml.XmlNode PrependChild(System.Xml.XmlNode newChild)'],
  ['InsertBefore', [2], (n, a) => {
    const c = nodeArg('InsertBefore', a[0]);
    const ref = unwrapArg(a[1]);
    checkInsert(n, c);
    if (ref === null || ref === undefined) return n.appendChild(c);
    c.detach();
    return n.insertAt(c, childIndex(n, nodeArg('InsertBefore', ref)));
  }, ALL, 'System.Xml.XmlNode InsertBefore(System.Xml.XmlNode newChild, System.Xml.XmlNode refChild)'],
  ['InsertAfter', [2], (n, a) => {
    const c = nodeArg('InsertAfter', a[0]);
    const ref = unwrapArg(a[1]);
    checkInsert(n, c);
    if (ref === null || ref === undefined) return n.insertAt(c, 0);
    c.detach();
    return n.insertAt(c, childIndex(n, nodeArg('InsertAfter', ref)) + 1);
  }, ALL, 'System.Xml.XmlNode InsertAfter(System.Xml.XmlNode newChild, System.Xml.XmlNode refChild)'],
  ['RemoveChild', [1], (n, a) => {
    const c = nodeArg('RemoveChild', a[0]);
    if (c.parent !== n) throw argumentError('The node to be removed is not a child of this node.');
    c.detach();
    return c;
  }, ALL, 'System.Xml.XmlNode RemoveChild(System.Xml.XmlNode oldChild)'],
  ['ReplaceChild', [2], (n, a) => {
    const c = nodeArg('ReplaceChild', a[0]);
    const old = nodeArg('ReplaceChild', a[1]);
    checkInsert(n, c);
    const i = childIndex(n, old);
    old.detach();
    c.detach();
    n.insertAt(c, Math.min(i, n.children.length));
    return old;
  }, ALL, 'System.Xml.XmlNode ReplaceChild(System.Xml.XmlNode newChild, System.Xml.XmlNode oldChild)'],
  ['CloneNode', [1], (n, a) => n.cloneNode(argBool(a[0])), ALL, 'System.Xml.XmlNode CloneNode(bool deep)'],
  ['Clone', [0], (n) => n.cloneNode(true), ALL, 'System.Xml.XmlNode Clone()'],
  ['SelectNodes', [1, 2], (n, a) => wrapXml(() => selectNodes(argStr(a[0]), n, nsResolver(a[1]))), ALL, 'System.Xml.XmlNodeList SelectNodes(string xpath), System.Xml.XmlNodeList SelectNodes(string xpath, System.Xml.XmlNamespaceManager nsmgr)'],
  ['SelectSingleNode', [1, 2], (n, a) => wrapXml(() => selectNodes(argStr(a[0]), n, nsResolver(a[1]))[0] ?? null), ALL, 'System.Xml.XmlNode SelectSingleNode(string xpath), System.Xml.XmlNode SelectSingleNode(string xpath, System.Xml.XmlNamespaceManager nsmgr)'],
  ['GetElementsByTagName', [1], (n, a) => {
    const name = argStr(a[0]);
    const out: XmlNode[] = [];
    const walk = (x: XmlNode): void => {
      for (const c of x.children) {
        if (c.nodeType === NodeType.Element && (name === '*' || c.name === name)) out.push(c);
        walk(c);
      }
    };
    walk(n);
    return out;
  }, (n) => isElement(n) || isDoc(n), 'System.Xml.XmlNodeList GetElementsByTagName(string name)'],
  ['GetNamespaceOfPrefix', [1], (n, a) => (n.nodeType === NodeType.Element ? lookupNs(n, argStr(a[0])) : ''), ALL, 'string GetNamespaceOfPrefix(string prefix)'],
  ['Normalize', [0], () => undefined, ALL, 'void Normalize()'],
  ['CreateElement', [1, 2, 3], (n, a) => {
    const doc = n as XmlDocument;
    if (a.length === 3) return doc.createElement(argStr(a[0]) ? `${argStr(a[0])}:${argStr(a[1])}` : argStr(a[1]), argStr(a[2]));
    return doc.createElement(argStr(a[0]), a.length === 2 ? argStr(a[1]) : null);
  }, isDoc, 'System.Xml.XmlElement CreateElement(string name), System.Xml.XmlElement CreateElement(string qualifiedName, string namespaceURI), System.Xml.XmlElement CreateElement(string prefix, string localName, string namespaceURI)'],
  ['CreateAttribute', [1, 2, 3], (n, a) => (n as XmlDocument).createAttribute(a.length === 3 && argStr(a[0]) ? `${argStr(a[0])}:${argStr(a[1])}` : argStr(a[a.length === 3 ? 1 : 0])), isDoc, 'System.Xml.XmlAttribute CreateAttribute(string name)'],
  ['CreateTextNode', [1], (n, a) => (n as XmlDocument).createTextNode(argStr(a[0])), isDoc, 'System.Xml.XmlText CreateTextNode(string text)'],
  ['CreateComment', [1], (n, a) => (n as XmlDocument).createComment(argStr(a[0])), isDoc, 'System.Xml.XmlComment CreateComment(string data)'],
  ['CreateCDataSection', [1], (n, a) => (n as XmlDocument).createCDataSection(argStr(a[0])), isDoc, 'System.Xml.XmlCDataSection CreateCDataSection(string data)'],
  ['CreateProcessingInstruction', [2], (n, a) => (n as XmlDocument).createProcessingInstruction(argStr(a[0]), argStr(a[1])), isDoc, 'System.Xml.XmlProcessingInstruction CreateProcessingInstruction(string target, string data)'],
  ['CreateXmlDeclaration', [3], (n, a) => (n as XmlDocument).createXmlDeclaration(argStr(a[0]), argStr(a[1]), argStr(a[2])), isDoc, 'System.Xml.XmlDeclaration CreateXmlDeclaration(string version, string encoding, string standalone)'],
  ['CreateDocumentFragment', [0], (n) => (n as XmlDocument).createDocumentFragment(), isDoc, 'System.Xml.XmlDocumentFragment CreateDocumentFragment()'],
  ['ImportNode', [2], (n, a) => (n as XmlDocument).importNode(nodeArg('ImportNode', a[0]), argBool(a[1])), isDoc, 'System.Xml.XmlNode ImportNode(System.Xml.XmlNode node, bool deep)'],
  ['LoadXml', [1], (n, a) => wrapXml(() => loadXml(n as XmlDocument, argStr(a[0]))), isDoc, 'void LoadXml(string xml)'],
  ['Load', [1], (n, a) => {
    const text = readFile(resolvePath(a[0]));
    wrapXml(() => loadXml(n as XmlDocument, text));
  }, isDoc, 'void Load(string filename)'],
  ['Save', [1], (n, a) => {
    const path = resolvePath(a[0]);
    try {
      fs.writeFileSync(path, documentText(n));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') throw new DotNetError('System.IO.DirectoryNotFoundException', `Could not find a part of the path '${path}'.`);
      throw new DotNetError('System.IO.IOException', err.message);
    }
  }, isDoc, 'void Save(string filename)'],
];
const METHODS_BY_NAME = new Map(METHODS.map((m) => [m[0].toLowerCase(), m]));

function lookupNs(n: XmlNode, prefix: string): string {
  for (let e: XmlNode | null = n; e && e.nodeType === NodeType.Element; e = e.parent) {
    const a = e.getAttributeNode(prefix ? `xmlns:${prefix}` : 'xmlns');
    if (a) return a.value ?? '';
  }
  return '';
}

export const xmlAdapter: ObjectAdapter = {
  getProperty(target, name) {
    const n = target as XmlNode;
    const nodes = findNodes(n, name);
    if (nodes.length === 1) return { value: nodeObject(nodes[0]!) };
    if (nodes.length > 1) return { value: nodes.map(nodeObject) };
    return dotnetProperty(n, name);
  },
  setProperty(target, name, value) {
    const n = target as XmlNode;
    const nodes = findNodes(n, name);
    if (nodes.length) {
      setNodeProperty(n, name, nodes, value);
      return true;
    }
    return setDotnetProperty(n, name, value);
  },
  propertyNames: (target) => adaptedNames(target as XmlNode),
  invoke(target, name, args) {
    const n = target as XmlNode;
    const m = METHODS_BY_NAME.get(name.toLowerCase());
    if (!m || !m[3](n)) return null;
    if (!m[1].includes(args.length)) throw overloadCountError(m[0], args.length);
    return { value: callWrapped(m[0], args.length, () => wrapXml(() => m[2](n, args))) };
  },
  members(target) {
    const n = target as XmlNode;
    const out: AdaptedMember[] = [];
    for (const name of adaptedNames(n)) {
      const v = xmlAdapter.getProperty(n, name)!.value;
      const type = typeof v === 'string' ? 'string' : Array.isArray(v) ? 'Object[]' : v instanceof XmlNode ? v[TYPE_NAME] : 'System.Object';
      out.push({ name, memberType: 'Property', definition: `${type} ${name} {get;set;}` });
    }
    for (const [name, , applies] of DOTNET_PROPS) {
      if (applies && !applies(n)) continue;
      if (out.some((m) => m.name.toLowerCase() === name.toLowerCase())) continue;
      out.push({ name, memberType: 'Property', definition: `${name} {get;}` });
    }
    for (const [name, , , applies, def] of METHODS) if (applies(n)) out.push({ name, memberType: 'Method', definition: def });
    return out;
  },
};

Object.defineProperty(XmlNode.prototype, ADAPTER, { value: xmlAdapter });

export function newNamespaceManager(args: unknown[]): XmlNamespaceManager {
  if (args.length !== 1) throw overloadCountError('new', args.length);
  return new XmlNamespaceManager();
}

export function newXmlDocument(args: unknown[]): XmlDocument {
  if (args.length > 1) throw overloadCountError('new', args.length);
  return new XmlDocument();
}
