// Scopes: variables, functions and aliases, looked up dynamically through the parent chain as pwsh does.

export const enum VarOptions {
  None = 0,
  ReadOnly = 1,
  Constant = 2,
  Private = 4,
  AllScope = 8,
}

/** A variable. `typeConstraint`/`validators` come from `[int]$x = 1` and validation attributes on assignments. */
export class PSVariable {
  description = '';
  typeConstraint: unknown = null;
  validators: ((value: unknown) => void)[] | null = null;
  /**
   * The value (null) is pwsh's AutomationNull: assigned from something that wrote nothing. It reads as $null, but
   * as output it writes nothing. Every other assignment clears it.
   */
  emptyOutput = false;
  constructor(
    public name: string,
    public value: unknown,
    public options: number = VarOptions.None,
  ) {}
}

export interface FunctionInfo {
  name: string;
  isFilter: boolean;
  /** The ScriptBlock value of the body. */
  scriptBlock: unknown;
  options: number;
  description: string;
}

export interface AliasInfo {
  name: string;
  definition: string;
  description: string;
  options: number;
}

export class Scope {
  readonly vars = new Map<string, PSVariable>();
  functions: Map<string, FunctionInfo> | null = null;
  aliases: Map<string, AliasInfo> | null = null;
  /** Dot-sourced / module-less script files start a script scope. */
  isScriptScope: boolean;
  /** Set on a script module's own scope: the module's info object (its session state, in pwsh's terms). */
  module: unknown = null;

  constructor(
    readonly parent: Scope | null,
    isScriptScope = false,
  ) {
    this.isScriptScope = isScriptScope || parent === null;
  }

  /** Variable visible from this scope: the nearest one up the chain that is not private to another scope. */
  lookup(key: string): PSVariable | undefined {
    let v = this.vars.get(key);
    if (v !== undefined) return v;
    for (let s = this.parent; s !== null; s = s.parent) {
      v = s.vars.get(key);
      if (v !== undefined && (v.options & VarOptions.Private) === 0) return v;
    }
    return undefined;
  }

  scriptScope(): Scope {
    let s: Scope = this;
    while (!s.isScriptScope && s.parent) s = s.parent;
    return s;
  }

  globalScope(): Scope {
    let s: Scope = this;
    while (s.parent) s = s.parent;
    return s;
  }

  lookupFunction(key: string): FunctionInfo | undefined {
    for (let s: Scope | null = this; s !== null; s = s.parent) {
      const f = s.functions?.get(key);
      if (f !== undefined) return f;
    }
    return undefined;
  }

  lookupAlias(key: string): AliasInfo | undefined {
    for (let s: Scope | null = this; s !== null; s = s.parent) {
      const a = s.aliases?.get(key);
      if (a !== undefined) return a;
    }
    return undefined;
  }

  setFunction(info: FunctionInfo): void {
    (this.functions ??= new Map()).set(info.name.toLowerCase(), info);
  }

  setAlias(info: AliasInfo): void {
    (this.aliases ??= new Map()).set(info.name.toLowerCase(), info);
  }
}

/** The module scope `scope` runs under (the nearest scope up the chain that is a module's), or null outside modules. */
export function moduleScopeOf(scope: Scope): Scope | null {
  for (let s: Scope | null = scope; s !== null; s = s.parent) if (s.module !== null) return s;
  return null;
}

/**
 * The scope a script block made inside a module runs under: pwsh binds a script block to the session state it was
 * created in, so called from outside that module (a callback handed out, `ForEach-Object $sb`) it still sees the
 * module's functions and `$script:` variables. Called from code already running in the module, the caller's scope.
 */
export function boundParentScope(moduleScope: Scope | null, caller: Scope): Scope {
  if (moduleScope === null) return caller;
  for (let s: Scope | null = caller; s !== null; s = s.parent) if (s === moduleScope) return caller;
  return moduleScope;
}
