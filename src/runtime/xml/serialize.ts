// XML text of nodes: OuterXml/InnerXml (no formatting, as XmlNode.OuterXml writes) and XmlDocument.Save's
// indented form (two spaces, mixed content kept on one line).
import { NodeType, XmlDeclarationNode, type XmlNode } from './dom.js';

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : c === '\n' ? '&#xA;' : c === '\r' ? '&#xD;' : '&#x9;',
  );
}

function startTag(n: XmlNode): string {
  let s = '<' + n.name;
  for (const a of n.attributes ?? []) s += ` ${a.name}="${escapeAttribute(a.value ?? '')}"`;
  return s;
}

/** The markup of a node that has no children of its own (or all of it for leaf kinds). */
function leafXml(n: XmlNode): string | null {
  switch (n.nodeType) {
    case NodeType.Text:
      return escapeText(n.value ?? '');
    case NodeType.Whitespace:
    case NodeType.SignificantWhitespace:
      return n.value ?? '';
    case NodeType.CDATA:
      return `<![CDATA[${n.value ?? ''}]]>`;
    case NodeType.Comment:
      return `<!--${n.value ?? ''}-->`;
    case NodeType.ProcessingInstruction:
      return `<?${n.name}${n.value ? ' ' + n.value : ''}?>`;
    case NodeType.XmlDeclaration:
      return `<?xml ${(n as XmlDeclarationNode).declarationText()}?>`;
    case NodeType.Attribute:
      return `${n.name}="${escapeAttribute(n.value ?? '')}"`;
    case NodeType.DocumentType:
      return '';
  }
  return null;
}

export function outerXml(n: XmlNode): string {
  const leaf = leafXml(n);
  if (leaf !== null) return leaf;
  if (n.nodeType !== NodeType.Element) return innerXml(n);
  if (n.children.length === 0 && n.isEmpty) return startTag(n) + ' />';
  return startTag(n) + '>' + innerXml(n) + `</${n.name}>`;
}

export function innerXml(n: XmlNode): string {
  if (n.nodeType === NodeType.Attribute) return escapeAttribute(n.value ?? '');
  if (n.children.length === 0 && leafXml(n) !== null) return n.nodeType === NodeType.XmlDeclaration ? '' : n.value ?? '';
  let s = '';
  for (const c of n.children) s += outerXml(c);
  return s;
}

function hasTextChild(n: XmlNode): boolean {
  return n.children.some((c) => c.nodeType === NodeType.Text || c.nodeType === NodeType.CDATA || c.nodeType === NodeType.SignificantWhitespace);
}

/** XmlDocument.Save's text: one node per line, children indented by two spaces; an element with text stays inline. */
export function indentedXml(n: XmlNode, indent = '  ', newline = '\n'): string {
  const lines: string[] = [];
  const write = (node: XmlNode, depth: number): void => {
    const pad = indent.repeat(depth);
    if (node.nodeType === NodeType.Element && node.children.length > 0 && !hasTextChild(node)) {
      lines.push(pad + startTag(node) + '>');
      for (const c of node.children) write(c, depth + 1);
      lines.push(pad + `</${node.name}>`);
      return;
    }
    if (node.nodeType === NodeType.Whitespace) return;
    lines.push(pad + outerXml(node));
  };
  if (n.nodeType === NodeType.Document || n.nodeType === NodeType.DocumentFragment) for (const c of n.children) write(c, 0);
  else write(n, 0);
  return lines.join(newline);
}
