// Update-FormatData's reader for *.format.ps1xml: a small XML element reader and the view definitions
// (table, list and wide controls selected by type name) it holds.
import type { Alignment } from './table-writer.js';
import type { ViewColumn, ViewDefinition } from './views.js';

export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

export class FormatXmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** Parses elements and their text (attributes, comments, declarations and CDATA markers are dropped). */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', children: [], text: '' };
  const stack: XmlElement[] = [root];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/\s*([\w.:-]+)\s*>|<([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(text))) {
    if (m.index !== pos) throw new FormatXmlError(`Unexpected markup at offset ${pos}.`);
    pos = re.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2] !== undefined) {
      if (stack.length === 1 || top.name !== m[2]) throw new FormatXmlError(`The end tag '${m[2]}' does not match the start tag '${top.name}'.`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const el: XmlElement = { name: m[3], children: [], text: '' };
      top.children.push(el);
      if (m[5] !== '/') stack.push(el);
    } else if (m[6] !== undefined) top.text += decode(m[6]);
  }
  if (pos !== text.length) throw new FormatXmlError(`Unexpected markup at offset ${pos}.`);
  if (stack.length !== 1) throw new FormatXmlError(`The element '${stack[stack.length - 1]!.name}' is not closed.`);
  return root;
}

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name.toLowerCase() === name.toLowerCase()) : [];
}

function textOf(el: XmlElement | undefined): string | undefined {
  return el === undefined ? undefined : el.text.trim();
}

const ALIGN: Record<string, Alignment> = { left: 'Left', right: 'Right', center: 'Center' };

/** One item's value: a property, or a script block (unsupported: shown empty). */
function itemColumn(item: XmlElement | undefined, label: string | undefined): ViewColumn {
  const prop = textOf(child(item, 'PropertyName'));
  // An empty <Label> falls back to the property name.
  const col: ViewColumn = { label: label || prop || '' };
  if (prop !== undefined) col.property = prop;
  else col.getter = () => null;
  const fmt = textOf(child(item, 'FormatString'));
  if (fmt) col.formatString = fmt;
  return col;
}

export interface NamedView {
  name: string;
  typeNames: string[];
  view: ViewDefinition;
}

/** The views of a format.ps1xml document. */
export function readFormatViews(text: string): NamedView[] {
  const doc = parseXml(text);
  const config = child(doc, 'Configuration');
  if (!config) throw new FormatXmlError('The root element must be Configuration.');
  const out: NamedView[] = [];
  for (const v of children(child(config, 'ViewDefinitions'), 'View')) {
    const name = textOf(child(v, 'Name')) ?? '';
    const typeNames = children(child(v, 'ViewSelectedBy'), 'TypeName').map((t) => textOf(t)!).filter(Boolean);
    const view: ViewDefinition = {};
    const table = child(v, 'TableControl');
    const list = child(v, 'ListControl');
    const wide = child(v, 'WideControl');
    if (table) {
      const headers = children(child(table, 'TableHeaders'), 'TableColumnHeader');
      const items = children(child(child(child(table, 'TableRowEntries'), 'TableRowEntry'), 'TableColumnItems'), 'TableColumnItem');
      view.table = {
        columns: items.map((item, k) => {
          const h = headers[k];
          const col = itemColumn(item, textOf(child(h, 'Label')));
          const width = Number(textOf(child(h, 'Width')));
          if (width > 0) col.width = width;
          const align = ALIGN[(textOf(child(h, 'Alignment')) ?? '').toLowerCase()];
          if (align) col.alignment = align;
          return col;
        }),
      };
    } else if (list) {
      const items = children(child(child(child(list, 'ListEntries'), 'ListEntry'), 'ListItems'), 'ListItem');
      view.list = { items: items.map((item) => itemColumn(item, textOf(child(item, 'Label')))) };
    } else if (wide) {
      const item = child(child(child(wide, 'WideEntries'), 'WideEntry'), 'WideItem');
      view.wide = itemColumn(item, undefined);
    } else continue;
    out.push({ name, typeNames, view });
  }
  return out;
}
