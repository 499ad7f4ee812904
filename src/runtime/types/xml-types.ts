// System.Xml's types in the builtin table. The hooks reach the XML object model through xml-support (loaded on
// first need), so defining the types costs nothing at start-up.
import type { TypeDef } from './ps-type.js';
import { xmlSupport } from './xml-support.js';

const NODE_TYPES: [string, number][] = [
  ['None', 0], ['Element', 1], ['Attribute', 2], ['Text', 3], ['CDATA', 4], ['EntityReference', 5], ['Entity', 6],
  ['ProcessingInstruction', 7], ['Comment', 8], ['Document', 9], ['DocumentType', 10], ['DocumentFragment', 11],
  ['Notation', 12], ['Whitespace', 13], ['SignificantWhitespace', 14], ['EndElement', 15], ['EndEntity', 16], ['XmlDeclaration', 17],
];

const N = 'System.Xml.XmlNode';
const LINKED = 'System.Xml.XmlLinkedNode';
const CHARDATA = 'System.Xml.XmlCharacterData';

export const xmlTypeDefs: TypeDef[] = [
  { fullName: N, interfaces: ['System.Collections.IEnumerable', 'System.ICloneable'] },
  {
    fullName: 'System.Xml.XmlDocument',
    baseType: N,
    accelerators: ['xml'],
    convert: (v) => xmlSupport().convertToXmlDocument(v),
    construct: (args) => xmlSupport().newXmlDocument(args),
  },
  { fullName: LINKED, baseType: N },
  { fullName: 'System.Xml.XmlElement', baseType: LINKED },
  { fullName: 'System.Xml.XmlAttribute', baseType: N },
  { fullName: CHARDATA, baseType: LINKED },
  { fullName: 'System.Xml.XmlText', baseType: CHARDATA },
  { fullName: 'System.Xml.XmlCDataSection', baseType: 'System.Xml.XmlText' },
  { fullName: 'System.Xml.XmlComment', baseType: CHARDATA },
  { fullName: 'System.Xml.XmlWhitespace', baseType: CHARDATA },
  { fullName: 'System.Xml.XmlSignificantWhitespace', baseType: CHARDATA },
  { fullName: 'System.Xml.XmlProcessingInstruction', baseType: LINKED },
  { fullName: 'System.Xml.XmlDeclaration', baseType: LINKED },
  { fullName: 'System.Xml.XmlDocumentType', baseType: LINKED },
  { fullName: 'System.Xml.XmlDocumentFragment', baseType: N },
  { fullName: 'System.Xml.XmlNodeType', baseType: 'System.Enum', enumValues: NODE_TYPES, isValueType: true },
  {
    fullName: 'System.Xml.XmlNamespaceManager',
    construct: (args) => xmlSupport().newNamespaceManager(args),
  },
  { fullName: 'Microsoft.PowerShell.Commands.SelectXmlInfo' },
];

