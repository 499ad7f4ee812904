import { describe, expect, it } from 'vitest';
import { NodeType, XmlDocument } from '../../src/runtime/xml/dom.js';
import { XmlParseError, parseFragment, parseXml } from '../../src/runtime/xml/parser.js';
import { indentedXml, innerXml, outerXml } from '../../src/runtime/xml/serialize.js';
import { XPathError, evaluateXPath, selectNodes } from '../../src/runtime/xml/xpath.js';

function parseError(text: string): string {
  try {
    parseXml(text);
  } catch (e) {
    if (e instanceof XmlParseError) return e.message;
    throw e;
  }
  throw new Error('parsed');
}

describe('XML parser', () => {
  it('reads elements, attributes and text', () => {
    const doc = parseXml('<root a="1" b=\'two\'><x>t</x><y/></root>');
    const root = doc.documentElement!;
    expect(root.name).toBe('root');
    expect(root.attributes!.map((a) => [a.name, a.value])).toEqual([['a', '1'], ['b', 'two']]);
    expect(root.children.map((c) => c.name)).toEqual(['x', 'y']);
    expect(root.children[0]!.innerText).toBe('t');
    expect(root.children[1]!.isEmpty).toBe(true);
  });

  it('expands predefined and numeric entities', () => {
    const doc = parseXml('<r a="&lt;&quot;">&amp;&gt;&apos;&#65;&#x263A;</r>');
    expect(doc.documentElement!.innerText).toBe("&>'A\u263A");
    expect(doc.documentElement!.getAttribute('a')).toBe('<"');
  });

  it('keeps CDATA, comments, processing instructions and the declaration', () => {
    const doc = parseXml('<?xml version="1.0" encoding="utf-8"?><?pi data?><r><![CDATA[<x>]]><!--c--></r>');
    expect(doc.children.map((c) => c.nodeType)).toEqual([NodeType.XmlDeclaration, NodeType.ProcessingInstruction, NodeType.Element]);
    expect(doc.children[0]!.innerText).toBe('version="1.0" encoding="utf-8"');
    const r = doc.documentElement!;
    expect(r.children.map((c) => c.nodeType)).toEqual([NodeType.CDATA, NodeType.Comment]);
    expect(outerXml(doc)).toBe('<?xml version="1.0" encoding="utf-8"?><?pi data?><r><![CDATA[<x>]]><!--c--></r>');
  });

  it('drops whitespace-only text unless asked to preserve it', () => {
    expect(parseXml('<r>\n  <a/>\n</r>').documentElement!.children.length).toBe(1);
    expect(parseXml('<r>\n  <a/>\n</r>', true).documentElement!.children.length).toBe(3);
    expect(parseXml('<r xml:space="preserve"> <a/></r>').documentElement!.children[0]!.nodeType).toBe(NodeType.SignificantWhitespace);
  });

  it('normalizes line ends and attribute whitespace', () => {
    const doc = parseXml('<r a="x\ty">a\r\nb</r>');
    expect(doc.documentElement!.innerText).toBe('a\nb');
    expect(doc.documentElement!.getAttribute('a')).toBe('x y');
  });

  it('reports System.Xml messages with positions', () => {
    expect(parseError('')).toBe('Root element is missing.');
    expect(parseError('hello')).toBe('Data at the root level is invalid. Line 1, position 1.');
    expect(parseError('<a>')).toBe('Unexpected end of file has occurred. The following elements are not closed: a. Line 1, position 4.');
    expect(parseError('<a><b></a>')).toBe("The 'b' start tag on line 1 position 5 does not match the end tag of 'a'. Line 1, position 9.");
    expect(parseError('<a/><b/>')).toBe('There are multiple root elements. Line 1, position 6.');
    expect(parseError('<a>&foo;</a>')).toBe("Reference to undeclared entity 'foo'. Line 1, position 5.");
    expect(parseError('<a x="1" x="2"/>')).toBe("'x' is a duplicate attribute name. Line 1, position 10.");
    expect(parseError('<a>\n<b></c></a>')).toContain('Line 2, position 6.');
  });

  it('parses fragments for InnerXml', () => {
    const doc = new XmlDocument();
    const nodes = parseFragment(doc, '<a/>text<b>1</b>');
    expect(nodes.map((n) => n.name)).toEqual(['a', '#text', 'b']);
  });
});

describe('XML serializer', () => {
  it('escapes text and attributes', () => {
    const doc = new XmlDocument();
    const el = doc.createElement('e');
    el.setAttribute('a', 'x"<>&\n');
    el.appendChild(doc.createTextNode('1 < 2 & "q"'));
    expect(outerXml(el)).toBe('<e a="x&quot;&lt;&gt;&amp;&#xA;">1 &lt; 2 &amp; "q"</e>');
    expect(innerXml(el)).toBe('1 &lt; 2 &amp; "q"');
  });

  it('writes empty elements as written', () => {
    expect(outerXml(parseXml('<r><a/><b></b></r>'))).toBe('<r><a /><b></b></r>');
  });

  it('indents for Save, keeping text content inline', () => {
    const doc = parseXml('<?xml version="1.0"?><r><a x="1">t</a><b><c/></b></r>');
    expect(indentedXml(doc)).toBe('<?xml version="1.0"?>\n<r>\n  <a x="1">t</a>\n  <b>\n    <c />\n  </b>\n</r>');
  });
});

describe('XPath', () => {
  const doc = parseXml('<r><g id="1"><i n="a">1</i><i n="b">2</i></g><g id="2"><i n="c">3</i></g></r>');
  const names = (xp: string) => selectNodes(xp, doc).map((n) => n.getAttribute('n') || n.name);

  it('selects by paths, descendants and wildcards', () => {
    expect(names('/r/g/i')).toEqual(['a', 'b', 'c']);
    expect(names('//i')).toEqual(['a', 'b', 'c']);
    expect(names('/r/*')).toEqual(['g', 'g']);
    expect(names('//g[@id="2"]/i')).toEqual(['c']);
  });

  it('applies positional predicates per step', () => {
    expect(names('//i[1]')).toEqual(['a', 'c']);
    expect(names('(//i)[1]')).toEqual(['a']);
    expect(names('//i[last()]')).toEqual(['b', 'c']);
  });

  it('supports axes, attributes and text()', () => {
    expect(selectNodes('//i/@n', doc).map((a) => a.value)).toEqual(['a', 'b', 'c']);
    expect(selectNodes('//i/text()', doc).map((t) => t.value)).toEqual(['1', '2', '3']);
    expect(names('//i[@n="b"]/..')).toEqual(['g']);
    expect(names('//i[@n="b"]/preceding-sibling::i')).toEqual(['a']);
    expect(names('//i[@n="a"]/ancestor::*')).toEqual(['r', 'g']);
  });

  it('evaluates operators and functions', () => {
    expect(evaluateXPath('count(//i)', doc)).toBe(3);
    expect(evaluateXPath('sum(//i) div 2', doc)).toBe(3);
    expect(evaluateXPath("concat('a', string(//i[2]))", doc)).toBe('a2');
    expect(names("//i[. > 1 and contains(@n, 'c')]")).toEqual(['c']);
    expect(names('//i[@n="a"] | //i[@n="c"]')).toEqual(['a', 'c']);
    expect(evaluateXPath('2 * 3 - -1', doc)).toBe(7);
  });

  it('matches unprefixed names only outside namespaces; prefixes resolve through the table', () => {
    const nsDoc = parseXml('<r xmlns="urn:x" xmlns:p="urn:p"><i/><p:j/></r>');
    expect(selectNodes('//i', nsDoc)).toEqual([]);
    const ns = (p: string) => ({ x: 'urn:x', q: 'urn:p' })[p] ?? null;
    expect(selectNodes('//x:i', nsDoc, ns).length).toBe(1);
    expect(selectNodes('//q:j', nsDoc, ns).length).toBe(1);
    expect(() => selectNodes('//x:i', nsDoc)).toThrow(XPathError);
  });

  it('rejects bad expressions and non-node-set results', () => {
    expect(() => selectNodes('//[', doc)).toThrow(XPathError);
    expect(() => selectNodes('count(//i)', doc)).toThrow('Expression must evaluate to a node-set.');
  });
});
