// PowerShell's own object kinds: PSCustomObject (PSObject) and Hashtable/OrderedDictionary (PSHashtable).

/** A member of a PSObject. Script properties/methods hold a ScriptBlock (invoked by the members layer). */
export interface PSMember {
  name: string;
  memberType: 'NoteProperty' | 'ScriptProperty' | 'AliasProperty' | 'ScriptMethod' | 'CodeMethod' | 'Property';
  /** NoteProperty value; AliasProperty target name; ScriptProperty/ScriptMethod getter script block. */
  value: unknown;
  /** ScriptProperty setter script block. */
  setter?: unknown;
  /** AliasProperty conversion type (Add-Member -SecondValue): the aliased value is converted to it. */
  aliasType?: unknown;
  /** A `hidden` property of a script class: reachable by name, left out of listings and formatting. */
  hidden?: boolean;
}

/**
 * PSCustomObject: properties keep insertion order; lookup is case-insensitive.
 * `typeNames` is PSObject.TypeNames (most derived first), e.g. ['System.Management.Automation.PSCustomObject', 'System.Object'].
 */
export class PSObject {
  readonly members = new Map<string, PSMember>(); // key: lower-cased name
  typeNames: string[];
  /** When a PSObject wraps another value (Add-Member on a non-PSCustomObject), the wrapped value. */
  baseObject: unknown;

  constructor(typeNames?: string[], baseObject?: unknown) {
    this.typeNames = typeNames ?? ['System.Management.Automation.PSCustomObject', 'System.Object'];
    this.baseObject = baseObject;
  }

  static fromEntries(entries: Iterable<[string, unknown]>): PSObject {
    const o = new PSObject();
    for (const [k, v] of entries) o.setProperty(k, v);
    return o;
  }

  getMember(name: string): PSMember | undefined {
    return this.members.get(name.toLowerCase());
  }

  /** Set (or add) a NoteProperty; an existing member keeps its position and the case of its name. */
  setProperty(name: string, value: unknown): void {
    const key = name.toLowerCase();
    const m = this.members.get(key);
    if (m && m.memberType === 'NoteProperty') m.value = value;
    else if (m) this.members.set(key, { name: m.name, memberType: 'NoteProperty', value });
    else this.members.set(key, { name, memberType: 'NoteProperty', value });
  }

  /**
   * A property whose value is worked out on first read (then kept): for values that cost much to build and are
   * rarely read, such as Get-Command's Parameters on thousands of commands. Assigning it replaces the value.
   */
  setLazyProperty(name: string, compute: () => unknown): void {
    let value: unknown;
    let computed = false;
    const m = { name, memberType: 'NoteProperty' } as PSMember;
    Object.defineProperty(m, 'value', {
      enumerable: true,
      get: () => (computed ? value : ((computed = true), (value = compute()))),
      set: (v: unknown) => {
        computed = true;
        value = v;
      },
    });
    this.members.set(name.toLowerCase(), m);
  }

  addMember(member: PSMember): void {
    this.members.set(member.name.toLowerCase(), member);
  }

  removeMember(name: string): boolean {
    return this.members.delete(name.toLowerCase());
  }

  /** Property-like members (NoteProperty, ScriptProperty, AliasProperty, Property) in order. */
  *properties(): IterableIterator<PSMember> {
    for (const m of this.members.values()) if (m.memberType !== 'ScriptMethod' && m.memberType !== 'CodeMethod') yield m;
  }
}

/** What an instance of a script `class` does beyond a property bag; implemented by the interpreter. */
export interface ClassBehaviour {
  /** The class's PSType (typed loosely here: values/ does not depend on types/). */
  readonly type: unknown;
  /**
   * Calls an instance method; null when the class (chain) has no method of that name. `from` starts the lookup at a
   * base class. The value is a Promise when the method ran an async command (callers that cannot wait: requireSync).
   */
  invoke(target: ClassInstance, lname: string, args: unknown[], from?: unknown): { value: unknown } | null;
  /** Method signatures for Get-Member: `[name, definition]` (`string Greet(string who)`), instance methods of the class chain. */
  methodSignatures(): [string, string][];
  /** Declared type of a property for Get-Member (`string`, `int`, `System.Object` when untyped); null when not declared. */
  propertyTypeName(name: string): string | null;
  /** `$obj.Prop = value` on a declared property: converts to its type (pwsh's SetValueInvocationException on failure). */
  assign(target: ClassInstance, member: PSMember, value: unknown): void;
}

/**
 * An instance of a script-defined class: a PSObject whose members are the declared properties (memberType
 * 'Property'), whose type is the class and whose methods are the class's.
 */
export class ClassInstance extends PSObject {
  constructor(
    readonly behaviour: ClassBehaviour,
    typeNames: string[],
  ) {
    super(typeNames);
  }

  override *properties(): IterableIterator<PSMember> {
    for (const m of this.members.values()) if (!m.hidden && m.memberType !== 'ScriptMethod' && m.memberType !== 'CodeMethod') yield m;
  }
}

/**
 * Hashtable (`@{}`) and OrderedDictionary (`[ordered]@{}`). Keys are case-insensitive when they are strings
 * (pwsh's default comparer), keep insertion order for enumeration, and may be any value.
 */
export class PSHashtable {
  /** normalized key → [original key, value] */
  readonly map = new Map<unknown, [unknown, unknown]>();
  constructor(readonly ordered = false) {}

  /** Object.ToString() (a generic Dictionary overrides it with its own type name). */
  toString(): string {
    return this.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  }

  static normalizeKey(key: unknown): unknown {
    if (typeof key === 'string') return key.toLowerCase();
    if (key !== null && typeof key === 'object' && 'valueOf' in key) {
      const p = (key as { valueOf(): unknown }).valueOf();
      if (typeof p === 'number' || typeof p === 'string' || typeof p === 'bigint') return typeof p === 'string' ? p.toLowerCase() : p;
    }
    return key;
  }

  get size(): number {
    return this.map.size;
  }
  has(key: unknown): boolean {
    return this.map.has(PSHashtable.normalizeKey(key));
  }
  /** The indexer: `$h[key]`. An OrderedDictionary's Int32 index is a position (its `this[int]` overload wins). */
  get(key: unknown): unknown {
    if (this.ordered && typeof key === 'number' && Number.isInteger(key) && key >= -2147483648 && key <= 2147483647) {
      return this.valueAt(key);
    }
    const e = this.map.get(PSHashtable.normalizeKey(key));
    return e === undefined ? null : e[1];
  }
  /** Lookup by key only (never by position). */
  getByKey(key: unknown): unknown {
    const e = this.map.get(PSHashtable.normalizeKey(key));
    return e === undefined ? null : e[1];
  }
  /** The value at a position (insertion order); null when out of range. */
  valueAt(index: number): unknown {
    if (index < 0 || index >= this.map.size) return null;
    let i = 0;
    for (const e of this.map.values()) if (i++ === index) return e[1];
    return null;
  }
  /** Indexer assignment: replaces the value, keeping the original key's case and position. */
  set(key: unknown, value: unknown): void {
    const k = PSHashtable.normalizeKey(key);
    const e = this.map.get(k);
    if (e) e[1] = value;
    else this.map.set(k, [key, value]);
  }
  delete(key: unknown): boolean {
    return this.map.delete(PSHashtable.normalizeKey(key));
  }
  clear(): void {
    this.map.clear();
  }
  *keys(): IterableIterator<unknown> {
    for (const e of this.map.values()) yield e[0];
  }
  *values(): IterableIterator<unknown> {
    for (const e of this.map.values()) yield e[1];
  }
  *entries(): IterableIterator<[unknown, unknown]> {
    for (const e of this.map.values()) yield [e[0], e[1]];
  }
  clone(): PSHashtable {
    const h = new PSHashtable(this.ordered);
    for (const [k, v] of this.map) h.map.set(k, [v[0], v[1]]);
    return h;
  }
}

/**
 * System.Management.Automation.OrderedHashtable, what `ConvertFrom-Json -AsHashtable` returns: a Hashtable
 * (`-is [hashtable]`, lookups by key only) that keeps insertion order.
 */
export class PSOrderedHashtable extends PSHashtable {
  constructor() {
    super(false);
  }
  override clone(): PSOrderedHashtable {
    const h = new PSOrderedHashtable();
    for (const [k, v] of this.map) h.map.set(k, [v[0], v[1]]);
    return h;
  }
}
