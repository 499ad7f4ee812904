// The XML object model behind `[xml]` (System.Xml's XmlDocument and its nodes), kept to what scripts use:
// elements, attributes, text, CDATA, comments, processing instructions and the declaration. Prefixes stay part
// of the names; a node's namespace URI is looked up from the xmlns attributes in scope when asked.
import { TYPE_NAME } from '../types/simple-values.js';

/** System.Xml.XmlNodeType values. */
export const enum NodeType {
  Element = 1,
  Attribute = 2,
  Text = 3,
  CDATA = 4,
  ProcessingInstruction = 7,
  Comment = 8,
  Document = 9,
  DocumentType = 10,
  DocumentFragment = 11,
  Whitespace = 13,
  SignificantWhitespace = 14,
  XmlDeclaration = 17,
}

const TYPE_NAMES: Record<number, string> = {
  [NodeType.Element]: 'System.Xml.XmlElement',
  [NodeType.Attribute]: 'System.Xml.XmlAttribute',
  [NodeType.Text]: 'System.Xml.XmlText',
  [NodeType.CDATA]: 'System.Xml.XmlCDataSection',
  [NodeType.ProcessingInstruction]: 'System.Xml.XmlProcessingInstruction',
  [NodeType.Comment]: 'System.Xml.XmlComment',
  [NodeType.Document]: 'System.Xml.XmlDocument',
  [NodeType.DocumentType]: 'System.Xml.XmlDocumentType',
  [NodeType.DocumentFragment]: 'System.Xml.XmlDocumentFragment',
  [NodeType.Whitespace]: 'System.Xml.XmlWhitespace',
  [NodeType.SignificantWhitespace]: 'System.Xml.XmlSignificantWhitespace',
  [NodeType.XmlDeclaration]: 'System.Xml.XmlDeclaration',
};

const FIXED_NAMES: Record<number, string> = {
  [NodeType.Text]: '#text',
  [NodeType.CDATA]: '#cdata-section',
  [NodeType.Comment]: '#comment',
  [NodeType.Document]: '#document',
  [NodeType.DocumentFragment]: '#document-fragment',
  [NodeType.Whitespace]: '#whitespace',
  [NodeType.SignificantWhitespace]: '#significant-whitespace',
  [NodeType.XmlDeclaration]: 'xml',
};

export const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';
export const XML_URI = 'http://www.w3.org/XML/1998/namespace';

/** Is the node one whose content is character data (text, CDATA, whitespace)? */
export function isTextLike(n: XmlNode): boolean {
  const t = n.nodeType;
  return t === NodeType.Text || t === NodeType.CDATA || t === NodeType.Whitespace || t === NodeType.SignificantWhitespace;
}

export class XmlNode {
  parent: XmlNode | null = null;
  readonly children: XmlNode[] = [];
  /** Attributes of an element; null for other nodes. */
  attributes: XmlNode[] | null = null;
  /** An element written `<a/>` (or created and still empty) serializes as `<a />`. */
  isEmpty = false;
  /** An attribute's owner element (attributes have no parent). */
  ownerElement: XmlNode | null = null;
  /** Namespace URI given when the node was created (CreateElement(name, uri)); otherwise found from xmlns in scope. */
  explicitNamespace: string | null = null;

  constructor(
    readonly nodeType: NodeType,
    public name: string,
    /** Character data of text/CDATA/comment/whitespace nodes, an attribute's value, a PI's data. */
    public value: string | null,
    public owner: XmlDocument | null,
  ) {
    if (nodeType === NodeType.Element) this.attributes = [];
  }

  get [TYPE_NAME](): string {
    return TYPE_NAMES[this.nodeType] ?? 'System.Xml.XmlNode';
  }

  get prefix(): string {
    const i = this.name.indexOf(':');
    return i < 0 || this.name.startsWith('#') ? '' : this.name.slice(0, i);
  }
  get localName(): string {
    const i = this.name.indexOf(':');
    return i < 0 || this.name.startsWith('#') ? this.name : this.name.slice(i + 1);
  }

  /** The namespace URI of an element or attribute, from the xmlns declarations in scope. */
  get namespaceURI(): string {
    if (this.explicitNamespace !== null) return this.explicitNamespace;
    if (this.nodeType === NodeType.Attribute) {
      if (this.name === 'xmlns' || this.prefix === 'xmlns') return XMLNS_URI;
      if (!this.prefix) return '';
      return this.ownerElement ? lookupNamespace(this.ownerElement, this.prefix) ?? '' : '';
    }
    if (this.nodeType !== NodeType.Element) return '';
    return lookupNamespace(this, this.prefix) ?? '';
  }

  /** Text content: the concatenated character data of the descendants (an attribute's or text node's own value). */
  get innerText(): string {
    if (this.nodeType === NodeType.Element || this.nodeType === NodeType.Document || this.nodeType === NodeType.DocumentFragment) {
      let s = '';
      const walk = (n: XmlNode): void => {
        for (const c of n.children) {
          if (isTextLike(c)) s += c.value ?? '';
          else if (c.nodeType === NodeType.Element) walk(c);
        }
      };
      walk(this);
      return s;
    }
    if (this.nodeType === NodeType.XmlDeclaration) return (this as unknown as XmlDeclarationNode).declarationText();
    return this.value ?? '';
  }
  set innerText(text: string) {
    if (this.nodeType === NodeType.Element || this.nodeType === NodeType.DocumentFragment) {
      // A lone text child is updated in place (keeps references to it valid), as .NET does.
      const only = this.children.length === 1 && this.children[0]!.nodeType === NodeType.Text ? this.children[0]! : null;
      if (only) {
        only.value = text;
        return;
      }
      this.removeAll(false);
      if (text !== '') this.appendChild(new XmlNode(NodeType.Text, '#text', text, this.owner));
      return;
    }
    this.value = text;
  }

  get firstChild(): XmlNode | null {
    return this.children[0] ?? null;
  }
  get lastChild(): XmlNode | null {
    return this.children[this.children.length - 1] ?? null;
  }
  get nextSibling(): XmlNode | null {
    const p = this.parent;
    if (!p) return null;
    return p.children[p.children.indexOf(this) + 1] ?? null;
  }
  get previousSibling(): XmlNode | null {
    const p = this.parent;
    if (!p) return null;
    const i = p.children.indexOf(this);
    return i > 0 ? p.children[i - 1]! : null;
  }
  get ownerDocument(): XmlDocument | null {
    return this.nodeType === NodeType.Document ? null : this.owner;
  }

  getAttributeNode(name: string): XmlNode | null {
    return this.attributes?.find((a) => a.name === name) ?? null;
  }
  getAttribute(name: string): string {
    return this.getAttributeNode(name)?.value ?? '';
  }
  setAttribute(name: string, value: string): void {
    const existing = this.getAttributeNode(name);
    if (existing) {
      existing.value = value;
      return;
    }
    const a = new XmlNode(NodeType.Attribute, name, value, this.owner);
    this.setAttributeNode(a);
  }
  setAttributeNode(a: XmlNode): XmlNode | null {
    const attrs = this.attributes!;
    const i = attrs.findIndex((x) => x.name === a.name);
    a.ownerElement = this;
    if (i >= 0) {
      const old = attrs[i]!;
      old.ownerElement = null;
      attrs[i] = a;
      return old;
    }
    attrs.push(a);
    return null;
  }
  removeAttribute(name: string): void {
    const attrs = this.attributes;
    if (!attrs) return;
    const i = attrs.findIndex((x) => x.name === name);
    if (i >= 0) attrs.splice(i, 1)[0]!.ownerElement = null;
  }

  /** Detaches a node from where it is (its parent's children). */
  detach(): void {
    const p = this.parent;
    if (!p) return;
    const i = p.children.indexOf(this);
    if (i >= 0) p.children.splice(i, 1);
    this.parent = null;
  }

  insertAt(child: XmlNode, index: number): XmlNode {
    if (child.nodeType === NodeType.DocumentFragment) {
      const moved = [...child.children];
      for (const c of moved) this.insertAt(c, index++);
      return child;
    }
    child.detach();
    this.children.splice(index, 0, child);
    child.parent = this;
    this.isEmpty = false;
    return child;
  }
  appendChild(child: XmlNode): XmlNode {
    return this.insertAt(child, this.children.length);
  }
  removeAll(withAttributes = true): void {
    for (const c of this.children) c.parent = null;
    this.children.length = 0;
    if (withAttributes && this.attributes) this.attributes.length = 0;
  }

  /** A copy of the node (and, when deep, of its descendants), owned by the same document and not attached. */
  cloneNode(deep: boolean): XmlNode {
    const c =
      this.nodeType === NodeType.Document
        ? new XmlDocument()
        : this.nodeType === NodeType.XmlDeclaration
          ? new XmlDeclarationNode(this.owner, (this as unknown as XmlDeclarationNode).version, (this as unknown as XmlDeclarationNode).encoding, (this as unknown as XmlDeclarationNode).standalone)
          : new XmlNode(this.nodeType, this.name, this.value, this.owner);
    c.isEmpty = this.isEmpty;
    c.explicitNamespace = this.explicitNamespace;
    if (this.attributes) for (const a of this.attributes) c.setAttributeNode(a.cloneNode(true));
    if (deep || this.nodeType === NodeType.Attribute) for (const ch of this.children) c.appendChild(ch.cloneNode(true));
    if (c.nodeType === NodeType.Document) for (const ch of c.children) setOwner(ch, c as XmlDocument);
    return c;
  }

  /** XmlNode.ToString() in pwsh (its types.ps1xml ToString code method) is the node's local name. */
  toString(): string {
    return this.localName;
  }
}

function setOwner(n: XmlNode, doc: XmlDocument): void {
  n.owner = doc;
  if (n.attributes) for (const a of n.attributes) a.owner = doc;
  for (const c of n.children) setOwner(c, doc);
}

/** The namespace URI bound to a prefix ('' for the default namespace) at an element. */
export function lookupNamespace(el: XmlNode | null, prefix: string): string | null {
  if (prefix === 'xml') return XML_URI;
  if (prefix === 'xmlns') return XMLNS_URI;
  const attrName = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let n = el; n && n.nodeType === NodeType.Element; n = n.parent) {
    const a = n.getAttributeNode(attrName);
    if (a) return a.value ?? '';
    if (n.explicitNamespace !== null && n.prefix === prefix) return n.explicitNamespace;
  }
  return prefix ? null : '';
}

/** `<?xml version="1.0" encoding="utf-8"?>`: its Value/InnerText is the text between the name and `?>`. */
export class XmlDeclarationNode extends XmlNode {
  constructor(
    owner: XmlDocument | null,
    public version: string,
    public encoding: string,
    public standalone: string,
  ) {
    super(NodeType.XmlDeclaration, 'xml', null, owner);
  }
  declarationText(): string {
    let s = `version="${this.version}"`;
    if (this.encoding) s += ` encoding="${this.encoding}"`;
    if (this.standalone) s += ` standalone="${this.standalone}"`;
    return s;
  }
}

export class XmlDocument extends XmlNode {
  /** XmlDocument.PreserveWhitespace: when false (the default) whitespace-only text is dropped on load. */
  preserveWhitespace = false;

  constructor() {
    super(NodeType.Document, '#document', null, null);
    this.owner = this;
  }
  get documentElement(): XmlNode | null {
    return this.children.find((c) => c.nodeType === NodeType.Element) ?? null;
  }
  createElement(name: string, ns: string | null = null): XmlNode {
    const el = new XmlNode(NodeType.Element, name, null, this);
    el.isEmpty = true;
    if (ns !== null && ns !== '') el.explicitNamespace = ns;
    return el;
  }
  createAttribute(name: string): XmlNode {
    return new XmlNode(NodeType.Attribute, name, '', this);
  }
  createTextNode(text: string): XmlNode {
    return new XmlNode(NodeType.Text, '#text', text, this);
  }
  createCDataSection(text: string): XmlNode {
    return new XmlNode(NodeType.CDATA, '#cdata-section', text, this);
  }
  createComment(text: string): XmlNode {
    return new XmlNode(NodeType.Comment, '#comment', text, this);
  }
  createProcessingInstruction(target: string, data: string): XmlNode {
    return new XmlNode(NodeType.ProcessingInstruction, target, data, this);
  }
  createXmlDeclaration(version: string, encoding: string, standalone: string): XmlNode {
    return new XmlDeclarationNode(this, version, encoding, standalone);
  }
  createDocumentFragment(): XmlNode {
    return new XmlNode(NodeType.DocumentFragment, '#document-fragment', null, this);
  }
  /** ImportNode: a copy owned by this document. */
  importNode(node: XmlNode, deep: boolean): XmlNode {
    const c = node.cloneNode(deep);
    setOwner(c, this);
    return c;
  }
}
