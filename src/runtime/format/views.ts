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
  /** The type's first view is its list, so Out-Default uses the list even though a table view exists (TimeSpan). */
  listFirst?: boolean;
  /** Out-of-band text view (DateTime, ErrorRecord): lines printed for the object, whatever the current table. */
  custom?: (obj: unknown) => string[];
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
