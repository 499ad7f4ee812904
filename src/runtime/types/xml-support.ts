// The XML object model (`[xml]`, Select-Xml, ConvertTo-Xml, Clixml) loads on first need: the session loads it
// before running a script whose text mentions XML, so start-up never pays for it and casts can stay synchronous.
import { runtimeError } from '../errors.js';

type XmlModule = typeof import('../xml/index.js');

let loaded: XmlModule | null = null;
let loading: Promise<void> | null = null;

export function loadXmlSupport(): Promise<void> {
  loading ??= import('../xml/index.js').then((m) => {
    loaded = m;
  });
  return loading;
}

/** Loads the XML support when a script's text may use it; undefined when nothing needs loading. */
export function preloadXmlFor(text: string): Promise<void> | undefined {
  return loaded || !/xml/i.test(text) ? undefined : loadXmlSupport();
}

export function xmlSupport(): XmlModule {
  if (!loaded) throw runtimeError('XML support is not loaded: the script must name [xml] or an XML cmdlet before using it.', 'XmlSupportNotLoaded', { category: 'NotImplemented' });
  return loaded;
}

export function xmlSupportLoaded(): XmlModule | null {
  return loaded;
}
