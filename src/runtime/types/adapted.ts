// Objects that bring their own member adapter, as pwsh's PSObject adapters do for some .NET types (XmlNode's
// XmlNodeAdapter: child elements and attributes read as properties). The adapter hangs off the object's prototype
// under ADAPTER, so the members layer serves such objects without importing the modules that define them (the
// XML object model loads only when a script uses XML).

export const ADAPTER: unique symbol = Symbol.for('awsh.adapter');

export interface AdaptedMember {
  name: string;
  memberType: 'Property' | 'Method';
  /** Get-Member's Definition column. */
  definition: string;
}

export interface ObjectAdapter {
  /** `$x.Name`: `{ value }`, or null when the object has no such property. */
  getProperty(target: object, name: string): { value: unknown } | null;
  /** `$x.Name = v`: false when the object has no such property. */
  setProperty(target: object, name: string, value: unknown): boolean;
  /** The properties shown by formatting, Select-Object * and .PSObject.Properties, in order. */
  propertyNames(target: object): string[];
  /** `$x.Name(args)`: `{ value }` (undefined for void), or null when there is no such method. */
  invoke(target: object, name: string, args: unknown[]): { value: unknown } | null;
  /** Every member, for Get-Member. */
  members(target: object): AdaptedMember[];
}

export function adapterOf(v: unknown): ObjectAdapter | undefined {
  return v !== null && typeof v === 'object' ? (v as { [ADAPTER]?: ObjectAdapter })[ADAPTER] : undefined;
}
