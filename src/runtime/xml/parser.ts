// Reads XML text into an XmlDocument the way XmlDocument.LoadXml does: entities expanded, whitespace-only text
// dropped (PreserveWhitespace off) except under xml:space="preserve", and System.Xml's XmlException messages
// ("Root element is missing.", "... Line 1, position 5.").
import { NodeType, XmlDeclarationNode, XmlDocument, XmlNode } from './dom.js';

export class XmlParseError extends Error {}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

class Reader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly doc: XmlDocument,
  ) {}

  fail(message: string, at = this.pos): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < this.text.length; i++) {
      if (this.text[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    throw new XmlParseError(`${message} Line ${line}, position ${at - lineStart + 1}.`);
  }
  eof(open: XmlNode[]): never {
    const names = open.filter((n) => n.nodeType === NodeType.Element).map((n) => n.name).reverse();
    this.fail(names.length ? `Unexpected end of file has occurred. The following elements are not closed: ${names.join(', ')}.` : 'Unexpected end of file has occurred.');
  }
  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }
  skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && /[ \t\r\n]/.test(this.text[this.pos]!)) this.pos++;
    return this.pos > start;
  }
  name(): string {
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === undefined || !NAME_START.test(c)) {
      if (c === undefined) this.fail('Unexpected end of file has occurred.');
      this.fail(`Name cannot begin with the '${c}' character, hexadecimal value 0x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}.`);
    }
    this.pos++;
    while (this.pos < this.text.length && NAME_CHAR.test(this.text[this.pos]!)) this.pos++;
    return this.text.slice(start, this.pos);
  }
  expect(s: string): void {
    if (!this.startsWith(s)) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('Unexpected end of file has occurred.');
      this.fail(`'${c}' is an unexpected token. The expected token is '${s}'.`);
    }
    this.pos += s.length;
  }

  /** `&...;` at pos: the character(s) it stands for. */
  reference(): string {
    const start = this.pos;
    const end = this.text.indexOf(';', start);
    if (end < 0) this.fail('Unexpected end of file has occurred.');
    const body = this.text.slice(start + 1, end);
    this.pos = end + 1;
    if (body.startsWith('#')) {
      const hex = /^#x[0-9a-fA-F]+$/.test(body);
      if (!hex && !/^#\d+$/.test(body)) this.fail('Invalid syntax for a decimal numeric entity reference.', start + 2);
      const code = hex ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code > 0x10ffff || code === 0) this.fail(`Invalid character in the given encoding.`, start);
      return String.fromCodePoint(code);
    }
    const v = PREDEFINED[body];
    if (v === undefined) {
      if (!/^[A-Za-z_][\w.-]*$/.test(body)) this.fail(`An error occurred while parsing EntityName.`, start + 1);
      this.fail(`Reference to undeclared entity '${body}'.`, start + 1);
    }
    return v;
  }

  attributeValue(): string {
    const q = this.text[this.pos];
    if (q !== '"' && q !== "'") {
      if (q === undefined) this.fail('Unexpected end of file has occurred.');
      this.fail(`'${q}' is an unexpected token. The expected token is '"' or '''.`);
    }
    this.pos++;
    let s = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('Unexpected end of file has occurred.');
      if (c === q) {
        this.pos++;
        return s;
      }
      if (c === '<') this.fail("'<', hexadecimal value 0x3C, is an invalid attribute character.");
      if (c === '&') {
        s += this.reference();
        continue;
      }
      // Attribute-value normalization: each white-space character becomes a space.
      s += c === '\t' || c === '\n' ? ' ' : c;
      this.pos++;
    }
  }

  /** `<name attr="v" ...>` or `<name .../>` at pos (after '<'). */
  startTag(parent: XmlNode): { el: XmlNode; selfClosing: boolean } {
    const el = new XmlNode(NodeType.Element, this.name(), null, this.doc);
    for (;;) {
      const hadSpace = this.skipSpace();
      if (this.startsWith('/>')) {
        this.pos += 2;
        el.isEmpty = true;
        parent.appendChild(el);
        el.isEmpty = true;
        return { el, selfClosing: true };
      }
      if (this.startsWith('>')) {
        this.pos++;
        parent.appendChild(el);
        return { el, selfClosing: false };
      }
      if (this.pos >= this.text.length) this.fail('Unexpected end of file while parsing Name has occurred.');
      if (!hadSpace) this.fail(`'${this.text[this.pos]}' is an unexpected token. The expected token is '>'.`);
      const nameAt = this.pos;
      const name = this.name();
      this.skipSpace();
      this.expect('=');
      this.skipSpace();
      const value = this.attributeValue();
      if (el.getAttributeNode(name)) this.fail(`'${name}' is a duplicate attribute name.`, nameAt);
      el.setAttributeNode(new XmlNode(NodeType.Attribute, name, value, this.doc));
    }
  }

  declaration(): XmlNode {
    // After `<?xml`.
    const attrs: Record<string, string> = {};
    for (;;) {
      this.skipSpace();
      if (this.startsWith('?>')) {
        this.pos += 2;
        break;
      }
      const n = this.name();
      this.skipSpace();
      this.expect('=');
      this.skipSpace();
      attrs[n] = this.attributeValue();
    }
    if (attrs.version === undefined) this.fail('Version is required.');
    return new XmlDeclarationNode(this.doc, attrs.version, attrs.encoding ?? '', attrs.standalone ?? '');
  }

  /** Markup that is not an element: comment, CDATA, PI, DOCTYPE. Returns the node (null for DOCTYPE). */
  misc(): XmlNode | null | undefined {
    if (this.startsWith('<!--')) {
      const end = this.text.indexOf('-->', this.pos + 4);
      if (end < 0) this.fail('Unexpected end of file while parsing Comment has occurred.', this.text.length);
      const body = this.text.slice(this.pos + 4, end);
      this.pos = end + 3;
      return new XmlNode(NodeType.Comment, '#comment', body, this.doc);
    }
    if (this.startsWith('<?')) {
      this.pos += 2;
      const target = this.name();
      if (target.toLowerCase() === 'xml') {
        if (target !== 'xml' || this.doc.children.length > 0) this.fail(`Unexpected XML declaration. The XML declaration must be the first node in the document, and no white space characters are allowed to appear before it.`, this.pos - 3);
        return this.declaration();
      }
      const end = this.text.indexOf('?>', this.pos);
      if (end < 0) this.fail('Unexpected end of file while parsing PI has occurred.', this.text.length);
      const data = this.text.slice(this.pos, end).replace(/^[ \t\r\n]+/, '');
      this.pos = end + 2;
      return new XmlNode(NodeType.ProcessingInstruction, target, data, this.doc);
    }
    if (this.startsWith('<!DOCTYPE')) {
      // The internal subset (entity declarations) is not interpreted: skipped with its brackets.
      let depth = 0;
      while (this.pos < this.text.length) {
        const c = this.text[this.pos++];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) return null;
      }
      this.fail('Unexpected end of file has occurred.');
    }
    return undefined;
  }

  parseContent(root: XmlNode, fragment: boolean): void {
    const stack: XmlNode[] = [root];
    const preserve: boolean[] = [this.doc.preserveWhitespace];
    let text = '';
    let textStart = 0;
    let sawRoot = false;
    const flush = (): void => {
      if (text === '') return;
      const top = stack[stack.length - 1]!;
      const blank = /^[ \t\r\n]*$/.test(text);
      if (top === root && !fragment) {
        if (!blank) this.fail('Data at the root level is invalid.', textStart);
      } else if (!blank) {
        top.appendChild(new XmlNode(NodeType.Text, '#text', text, this.doc));
      } else if (preserve[preserve.length - 1]) {
        const sig = this.doc.preserveWhitespace ? NodeType.Whitespace : NodeType.SignificantWhitespace;
        top.appendChild(new XmlNode(sig, sig === NodeType.Whitespace ? '#whitespace' : '#significant-whitespace', text, this.doc));
      }
      text = '';
    };
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === '<') {
        const top = stack[stack.length - 1]!;
        if (this.startsWith('</')) {
          flush();
          this.pos += 2;
          const at = this.pos;
          const name = this.name();
          this.skipSpace();
          if (stack.length === 1) this.fail(`Unexpected end tag.`, at);
          if (name !== top.name) {
            const startAt = (top as XmlNode & { startOffset?: number }).startOffset ?? 0;
            const lineOf = (o: number): [number, number] => {
              const before = t.slice(0, o);
              const line = before.split('\n').length;
              return [line, o - (before.lastIndexOf('\n') + 1) + 1];
            };
            const [sl, sp] = lineOf(startAt);
            this.fail(`The '${top.name}' start tag on line ${sl} position ${sp} does not match the end tag of '${name}'.`, at);
          }
          this.expect('>');
          stack.pop();
          preserve.pop();
          continue;
        }
        if (this.startsWith('<![CDATA[')) {
          flush();
          if (top === root && !fragment) this.fail('Data at the root level is invalid.');
          const end = t.indexOf(']]>', this.pos + 9);
          if (end < 0) this.fail('Unexpected end of file while parsing CDATA has occurred.', t.length);
          top.appendChild(new XmlNode(NodeType.CDATA, '#cdata-section', t.slice(this.pos + 9, end), this.doc));
          this.pos = end + 3;
          continue;
        }
        const miscStart = this.pos;
        const m = this.misc();
        if (m !== undefined) {
          const blankBefore = text;
          flush();
          if (m) {
            if (m.nodeType === NodeType.XmlDeclaration && (blankBefore !== '' || top !== root)) {
              this.fail('Unexpected XML declaration. The XML declaration must be the first node in the document, and no white space characters are allowed to appear before it.', miscStart + 2);
            }
            top.appendChild(m);
          }
          continue;
        }
        flush();
        this.pos++;
        const nameAt = this.pos;
        if (top === root && !fragment && sawRoot) this.fail('There are multiple root elements.', nameAt);
        const { el, selfClosing } = this.startTag(top);
        (el as XmlNode & { startOffset?: number }).startOffset = nameAt;
        if (top === root) sawRoot = true;
        if (!selfClosing) {
          stack.push(el);
          const space = el.getAttributeNode('xml:space')?.value;
          preserve.push(space === 'preserve' ? true : space === 'default' ? this.doc.preserveWhitespace : preserve[preserve.length - 1]!);
        }
        continue;
      }
      if (text === '') textStart = this.pos;
      if (c === '&') {
        if (stack.length === 1 && !fragment) this.fail('Data at the root level is invalid.');
        text += this.reference();
        continue;
      }
      if (c === '\r') {
        // Line-end normalization: CR LF and lone CR become LF.
        text += '\n';
        this.pos += t[this.pos + 1] === '\n' ? 2 : 1;
        continue;
      }
      if (c === ']' && this.startsWith(']]>')) this.fail("']]>' is not allowed in character data.");
      text += c;
      this.pos++;
    }
    flush();
    if (stack.length > 1) this.eof(stack);
    if (!fragment && !sawRoot) this.fail('Root element is missing.', this.pos);
  }
}

/** XmlDocument.LoadXml: the text's nodes replace the document's content. */
export function loadXml(doc: XmlDocument, text: string): void {
  const fresh = new XmlDocument();
  fresh.preserveWhitespace = doc.preserveWhitespace;
  const r = new Reader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, fresh);
  if (r.text.trim() === '') throw new XmlParseError('Root element is missing.');
  r.parseContent(fresh, false);
  doc.removeAll();
  for (const c of [...fresh.children]) {
    doc.appendChild(c);
    reown(c, doc);
  }
}

function reown(n: XmlNode, doc: XmlDocument): void {
  n.owner = doc;
  if (n.attributes) for (const a of n.attributes) a.owner = doc;
  for (const c of n.children) reown(c, doc);
}

export function parseXml(text: string, preserveWhitespace = false): XmlDocument {
  const doc = new XmlDocument();
  doc.preserveWhitespace = preserveWhitespace;
  loadXml(doc, text);
  return doc;
}

/** InnerXml assignment: the text parsed as content (any number of nodes) in the context of `parent`. */
export function parseFragment(doc: XmlDocument, text: string): XmlNode[] {
  const holder = new XmlNode(NodeType.DocumentFragment, '#document-fragment', null, doc);
  const r = new Reader(text, doc);
  r.parseContent(holder, true);
  return [...holder.children];
}
