// The XML support loaded on first need (see types/xml-support.ts): the object model, its adapter, XPath, and the
// `[xml]` conversion.
import { toStr } from '../values/convert.js';
import { castErrorWithInner } from '../types/cast.js';
import { XmlDocument, XmlNode } from './dom.js';
import { XmlParseError, parseXml } from './parser.js';
import { newNamespaceManager, newXmlDocument, XmlNamespaceManager } from './adapter.js';

export { XmlDocument, XmlNode, XmlNamespaceManager, newNamespaceManager, newXmlDocument };
export { NodeType } from './dom.js';
export { parseXml, XmlParseError } from './parser.js';
export { outerXml, innerXml, indentedXml, escapeText, escapeAttribute } from './serialize.js';
export { selectNodes, evaluateXPath, XPathError } from './xpath.js';
export { documentText } from './adapter.js';

/** `[xml]$value`: the value's text (a collection's items joined by newlines) parsed as a document. */
export function convertToXmlDocument(v: unknown): XmlDocument {
  const text = toStr(v, '\n');
  try {
    return parseXml(text);
  } catch (e) {
    if (e instanceof XmlParseError) throw castErrorWithInner(v, 'System.Xml.XmlDocument', 'InvalidCastToXmlDocument', e.message);
    throw e;
  }
}
