// Registered views (pwsh's format.ps1xml data): how objects of a type name are shown by default.
// Types without a view are shown by their properties (a table up to 4 properties, a list from 5).
import type { Alignment } from './table-writer.js';

/** One table column or list item of a view. */
export interface ViewColumn {
  label: string;
  /** Property to show (default: the label). */
  property?: string;
  /** Computes the value instead of a property (a script-block-like getter). */
  getter?: (obj: unknown) => unknown;
  /** Fixed width; omitted = sized from the data. */
  width?: number;
  alignment?: Alignment;
  /** .NET format string for the value (`{0:N2}` or `N2`). */
  formatString?: string;
}

export interface ViewDefinition {
  table?: {
    columns: ViewColumn[];
    /** Groups consecutive objects under a header (e.g. `    Directory: /path`). */
    groupBy?: { getter: (obj: unknown) => unknown; header: (value: unknown) => string };
  };
  list?: { items: ViewColumn[] };
  /** A wide view's one item (format.ps1xml WideControl); it is grouped like the table view. */
  wide?: ViewColumn;
  /** The type's first view is its list, so Out-Default uses the list even though a table view exists (TimeSpan). */
  listFirst?: boolean;
  /** Out-of-band text view (DateTime, ErrorRecord): lines printed for the object, whatever the current table. */
  custom?: (obj: unknown) => string[];
  /**
   * An out-of-band view (format.ps1xml `<OutOfBand/>`: ScriptBlock, stream records): always used, whatever
   * document is open and whatever Format-* shape was asked for. Other custom views (DateTime, MatchInfo) are only
   * Out-Default's choice: Format-List/Table show such objects by their properties.
   */
  outOfBand?: boolean;
  /** A run of consecutive custom-view objects is framed by a blank line before and after (pwsh's MatchInfo view). */
  framed?: boolean;
  /** DefaultDisplayPropertySet: properties shown when there is no table/list view. */
  defaultProperties?: string[];
}

const views = new Map<string, ViewDefinition>();

/** Register (or replace) the view for a type name (case-insensitive), e.g. `Amazon.S3.Model.S3Bucket`. */
export function registerView(typeName: string, view: ViewDefinition): void {
  views.set(typeName.toLowerCase(), view);
}

export function getView(typeName: string): ViewDefinition | undefined {
  return views.get(typeName.toLowerCase());
}

/** The view for the first of `typeNames` that has one. */
export function findView(typeNames: readonly string[]): { typeName: string; view: ViewDefinition } | null {
  for (const t of typeNames) {
    const v = views.get(t.toLowerCase());
    if (v) return { typeName: t, view: v };
  }
  return null;
}

// Views loaded by Update-FormatData, by type name then view name (Format-* -View picks one of them).
const named = new Map<string, Map<string, ViewDefinition>>();

/**
 * Add a named view for a type: -AppendPath keeps an existing default view, -PrependPath replaces it. (The maps
 * are process-wide, like the built-in views; a view loaded again under the same name replaces the old one.)
 */
export function registerNamedView(typeName: string, viewName: string, view: ViewDefinition, prepend: boolean, load: number): void {
  const key = typeName.toLowerCase();
  let byName = named.get(key);
  if (!byName) named.set(key, (byName = new Map()));
  const old = byName.get(viewName.toLowerCase());
  byName.set(viewName.toLowerCase(), view);
  // Within one load the type's first view is its default. A later load's view also replaces a default an earlier
  // load set: awsh has one process-wide table where pwsh gives each runspace its own, and scripts (the pwsh test
  // suite among them) load format files in fresh runspaces expecting no earlier file to be in effect.
  const loadedIn = defaultLoad.get(key);
  if (prepend || !views.has(key) || views.get(key) === old || (loadedIn !== undefined && loadedIn < load)) {
    views.set(key, view);
    defaultLoad.set(key, load);
  }
}

/** Which Update-FormatData call set a type's default view (absent for built-in views). */
const defaultLoad = new Map<string, number>();
let loads = 0;
/** A number for one Update-FormatData call. */
export function nextFormatLoad(): number {
  return ++loads;
}

/** The view named `viewName` for the first of `typeNames` that has one. */
export function findNamedView(typeNames: readonly string[], viewName: string): ViewDefinition | null {
  for (const t of typeNames) {
    const v = named.get(t.toLowerCase())?.get(viewName.toLowerCase());
    if (v) return v;
  }
  return null;
}
