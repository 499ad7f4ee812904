// The formatting state machine behind Out-Default, Out-String and Format-Table/List/Wide (pwsh's format-default +
// OutCommandInner): the first object chooses a view and later objects share it; scalars, property-less objects and
// objects a registered view does not apply to are written "out of band" (own line / own list); table widths are
// computed from the rows buffered while the first ~300 ms of output arrive.
import { cellWidth, headCells } from './cell-width.js';
import { ErrorRecord } from '../errors.js';
import { PSHashtable, PSObject } from '../values/objects.js';
import { DictionaryEntry, PSEnumValue, hasMember } from '../types/index.js';
import { cellText, displayString, isScalar, dictionaryEntries, enumerableItems, FORMAT_ENUMERATION_LIMIT } from './display.js';
import { defaultPropertyNames, propertyNamesOf, propertyValueOf, typeNamesOf } from './properties.js';
import { findView, type ViewColumn, type ViewDefinition } from './views.js';
import { layoutTable, renderHeader, renderRow, renderWrappedRow, wrapLines, type Alignment, type TableLayout } from './table-writer.js';
import { renderErrorRecord } from './error-display.js';
import { complexViewLines } from './complex-view.js';
import { PSChar, numericTypeOf, toJsNumber } from '../values/numbers.js';

/** A column / list item / wide property as Format-* parameters or views give it. */
export interface ColumnSpec {
  label: string;
  property?: string;
  getter?: (obj: unknown) => unknown;
  width?: number;
  alignment?: Alignment;
  formatString?: string;
  /** The value comes from `computed[index]` passed to write() (script-block columns evaluated by the cmdlet). */
  computedIndex?: number;
}

export type Shape = 'table' | 'list' | 'wide' | 'custom';

export interface FormatterOptions {
  /** Columns of the screen (already reduced by one for the console). */
  width: number;
  /** Forced shape (Format-Table/List/Wide); omitted = Out-Default's choice. */
  shape?: Shape;
  /** -Property. */
  properties?: ColumnSpec[];
  /** Table: size columns from all objects (-AutoSize). Wide: fit as many columns as possible. */
  autoSize?: boolean;
  wrap?: boolean;
  hideTableHeaders?: boolean;
  groupBy?: ColumnSpec;
  /** Format-Wide -Column. */
  columns?: number;
  /** Streaming (Out-Default): stop buffering a table after 300 ms, as pwsh's console does. */
  streaming?: boolean;
  /** A view chosen with -View (one Update-FormatData loaded); -Force is not needed: errors are always shown out of band. */
  view?: ViewDefinition;
  /** Format-* -Force. */
  force?: boolean;
  /** Format-Custom -Depth. */
  depth?: number;
  /**
   * $global:FormatEnumerationLimit (items shown of a collection value): pwsh reads it when the formatter starts,
   * i.e. at the first object, so a getter is read then.
   */
  enumerationLimit?: number | (() => unknown);
}

/** Only an [int] value counts; anything else means the default (pwsh's FormatEnumerationLimit()). */
export function enumerationLimitOf(v: unknown): number {
  if (v instanceof PSObject) v = v.baseObject;
  return numericTypeOf(v) === 'Int32' ? toJsNumber(v) : FORMAT_ENUMERATION_LIMIT;
}

type Entry = { kind: 'row'; cells: string[] } | { kind: 'lines'; lines: string[] };

interface TableState {
  kind: 'table';
  columns: ColumnSpec[];
  labels: string[];
  alignments: Alignment[];
  /** Widths from the view/options (0 = auto). */
  initialWidths: number[];
  fromView: boolean;
  layout: TableLayout | null;
  caching: boolean;
  cache: Entry[];
  cacheStart: number;
}

interface ListState {
  kind: 'list';
  items: ColumnSpec[] | null;
  fromView: boolean;
}

interface WideState {
  kind: 'wide';
  spec: ColumnSpec | null;
  cache: string[] | null;
  perRow: number;
  layout: TableLayout | null;
  buffer: string[];
}

/** Format-Custom's object browser: each object's lines, the document framed by blank lines. */
interface CustomState {
  kind: 'custom';
}

interface DocState {
  view: ViewDefinition | null;
  viewTypeName: string | null;
  body: TableState | ListState | WideState | CustomState;
  group: { value: string } | null;
  groupBy: { getter: (obj: unknown) => unknown; header: (value: unknown) => string } | null;
}

const CACHE_MS = 300;

function valueOf(spec: ColumnSpec, obj: unknown, computed?: unknown[]): unknown {
  if (spec.computedIndex !== undefined) return computed?.[spec.computedIndex] ?? null;
  if (spec.getter) return spec.getter(obj);
  return propertyValueOf(obj, spec.property ?? spec.label);
}

function isEmptyCustomObject(obj: unknown): boolean {
  return obj instanceof PSObject && (obj.baseObject === undefined || obj.baseObject === null);
}

/** pwsh right-aligns a default table column whose first value is of a DefaultScalarTypes type other than String. */
function isRightAlignedValue(v: unknown): boolean {
  return numericTypeOf(v) !== null || typeof v === 'boolean' || v instanceof PSChar || v instanceof PSEnumValue;
}

function viewColumnToSpec(c: ViewColumn): ColumnSpec {
  return { label: c.label, property: c.property, getter: c.getter, width: c.width, alignment: c.alignment, formatString: c.formatString };
}

/** A formatting run: feed objects, collect the lines to print. */
export class Formatter {
  private doc: DocState | null = null;
  private readonly out: string[] = [];
  /** The framed custom view of the objects just written (a blank line went before them, one goes after). */
  private customRun: ViewDefinition | null = null;

  private limit: number | null = null;

  constructor(private readonly options: FormatterOptions) {}

  private enumLimit(): number {
    if (this.limit === null) {
      const l = this.options.enumerationLimit;
      this.limit = typeof l === 'function' ? enumerationLimitOf(l()) : (l ?? FORMAT_ENUMERATION_LIMIT);
    }
    return this.limit;
  }

  /** Format one object (collections are enumerated). `computed` holds values of computed columns. */
  write(value: unknown, computed?: unknown[]): string[] {
    this.writeOne(value, computed, 0);
    return this.take();
  }

  /** End of input: write what is buffered and close the current table/list. */
  end(): string[] {
    this.endDocument();
    return this.take();
  }

  private take(): string[] {
    if (this.out.length === 0) return [];
    const lines = this.out.slice();
    this.out.length = 0;
    return lines;
  }

  private writeOne(value: unknown, computed: unknown[] | undefined, depth: number): void {
    if (value === null || value === undefined) return;
    this.enumLimit();
    if (value instanceof ComputedItem) {
      this.writeOne(value.obj, value.computed, depth);
      return;
    }
    if (value instanceof FormattedText) {
      this.endDocument();
      for (const l of value.render(this.options.width)) this.out.push(l);
      return;
    }
    if (value instanceof PSHashtable) {
      for (const e of dictionaryEntries(value)) this.writeObject(e, undefined);
      return;
    }
    if (depth < 8 && typeof value === 'object' && !(value instanceof Date)) {
      const items = Array.isArray(value) ? value : enumerableItems(value);
      if (items && !(value instanceof DictionaryEntry)) {
        for (const x of items) this.writeOne(x, undefined, depth + 1);
        return;
      }
    }
    this.writeObject(value, computed);
  }

  private outOfBand(lines: string[]): void {
    const body = this.doc?.body;
    if (body && body.kind === 'table' && body.caching) body.cache.push({ kind: 'lines', lines });
    else if (body && body.kind === 'wide' && body.cache) {
      // Wide views buffer values only; out-of-band text goes after what is buffered.
      this.flushWideCache(body);
      for (const l of lines) this.out.push(l);
    } else for (const l of lines) this.out.push(l);
  }

  private writeObject(obj: unknown, computed: unknown[] | undefined): void {
    // Scalars have no views: finding one would load the builtin type table (start-up prints scalars).
    let found =
      obj instanceof ErrorRecord || isScalar(obj) ? null
      : this.options.view ? { typeName: typeNamesOf(obj)[0] ?? '', view: this.options.view }
      : findView(typeNamesOf(obj));
    // Format-Table/List/Wide use a type's custom view only when it is out of band (`Get-Date | fl` lists properties).
    if (found?.view.custom && !found.view.outOfBand && this.options.shape && this.options.shape !== 'custom') found = null;
    // Scalars and errors are out of band: they do not end the run (pwsh's document stays open around them).
    if (this.customRun && found?.view !== this.customRun && !(obj instanceof ErrorRecord) && !isScalar(obj)) this.closeCustomRun();
    if (obj instanceof ErrorRecord) {
      this.outOfBand(renderErrorRecord(obj).split('\n'));
      return;
    }
    // -Force with -Property formats even strings and numbers as objects with those (missing) properties.
    const forced = this.options.force === true && !!this.options.properties?.length;
    if (isScalar(obj) && !forced) {
      this.outOfBand([displayString(obj)]);
      return;
    }
    // A scalar carrying note properties (Compare-Object -PassThru, Add-Member on a string) still shows as itself.
    if (obj instanceof PSObject && isScalar(obj.baseObject)) {
      this.outOfBand([displayString(obj.baseObject)]);
      return;
    }
    if (found?.view.custom) {
      if (!found.view.outOfBand && this.doc) {
        // pwsh's IsObjectApplicable: a property-based document takes every object (a DateTime after a custom
        // object's table is a row of empty cells); another view's document shows it out of band as a list.
        if (this.doc.view === null) this.writePayload(obj, computed);
        else this.outOfBand(this.listLines(obj, null, null, computed));
        return;
      }
      const lines = found.view.custom(obj);
      if (found.view.framed && this.customRun === null) {
        this.customRun = found.view;
        lines.unshift('');
      }
      this.outOfBand(lines);
      return;
    }
    const explicitProps = this.options.properties && this.options.properties.length > 0;
    if (!found && !explicitProps && propertyNamesOf(obj).length === 0) {
      // An empty PSCustomObject's ToString() is '' in pwsh, so it shows as a blank line.
      this.outOfBand([isEmptyCustomObject(obj) ? '' : displayString(obj)]);
      return;
    }
    if (this.doc) {
      // A view applies to objects of its type; the property-based view applies to everything (pwsh shows later
      // objects of other shapes with the first object's columns).
      const applicable = this.doc.view === null || explicitProps || (found !== null && found.view === this.doc.view);
      if (!applicable) {
        this.outOfBand(this.listLines(obj, found?.view ?? null, null, computed));
        return;
      }
    } else {
      this.startDocument(obj, found?.view ?? null, found?.typeName ?? null, computed);
    }
    this.writePayload(obj, computed);
  }

  private chooseShape(obj: unknown, view: ViewDefinition | null): Shape {
    if (this.options.shape) return this.options.shape;
    if (view?.list && view.listFirst) return 'list';
    if (view?.table) return 'table';
    if (view?.list) return 'list';
    return defaultPropertyNames(obj).length <= 4 ? 'table' : 'list';
  }

  private startDocument(obj: unknown, view: ViewDefinition | null, typeName: string | null, computed: unknown[] | undefined): void {
    const shape = this.chooseShape(obj, view);
    const props = this.options.properties && this.options.properties.length > 0 ? this.options.properties : null;
    let body: TableState | ListState | WideState | CustomState;
    let usedView: ViewDefinition | null = null;
    if (shape === 'table') {
      let columns: ColumnSpec[];
      let fromView = false;
      if (props) columns = props;
      else if (view?.table) {
        columns = view.table.columns.map(viewColumnToSpec);
        fromView = true;
        usedView = view;
      } else {
        columns = defaultPropertyNames(obj)
          .slice(0, 10)
          .map((p) => ({ label: p, property: p }));
      }
      const alignments = columns.map((c) => {
        if (c.alignment) return c.alignment;
        if (fromView) return 'Left';
        const v = valueOf(c, obj, computed);
        return typeof v !== 'string' && isRightAlignedValue(v) ? 'Right' : 'Left';
      });
      const initialWidths = columns.map((c) => (c.width && c.width > 0 ? c.width : 0));
      const caching = this.options.autoSize === true || initialWidths[0] === 0;
      body = {
        kind: 'table',
        columns,
        labels: columns.map((c) => c.label),
        alignments,
        initialWidths,
        fromView,
        layout: null,
        caching,
        cache: [],
        cacheStart: Date.now(),
      };
    } else if (shape === 'list') {
      const fromView = !props && !!view?.list;
      if (fromView) usedView = view;
      body = { kind: 'list', items: props ?? (view?.list ? view.list.items.map(viewColumnToSpec) : null), fromView };
    } else if (shape === 'custom') {
      body = { kind: 'custom' };
    } else {
      // A type's wide view (the file system's `[dir]` names) when no property was named.
      const wideView = !props && view?.wide ? view : null;
      if (wideView) usedView = wideView;
      const spec = props ? props[0]! : wideView ? viewColumnToSpec(wideView.wide!) : null;
      const auto = this.options.autoSize === true;
      body = { kind: 'wide', spec, cache: auto ? [] : null, perRow: this.options.columns ?? 2, layout: null, buffer: [] };
      if (!auto) this.initWide(body, 0);
    }
    // Format-* with explicit properties, and views of other shapes, are property-based for applicability.
    const groupBy = this.options.groupBy
      ? { getter: (o: unknown) => valueOf(this.options.groupBy!, o), header: (v: unknown) => `   ${this.options.groupBy!.label}: ${cellText(v, { enumerationLimit: this.enumLimit() })}` }
      : usedView?.table?.groupBy && (body.kind === 'table' || body.kind === 'wide')
        ? usedView.table.groupBy
        : null;
    this.doc = { view: props ? null : view, viewTypeName: typeName, body, group: null, groupBy };
    this.out.push('');
  }

  private writePayload(obj: unknown, computed: unknown[] | undefined): void {
    const doc = this.doc!;
    if (doc.groupBy) {
      const key = displayString(doc.groupBy.getter(obj));
      if (!doc.group || doc.group.value !== key) {
        const first = doc.group === null;
        this.endGroup(!first);
        doc.group = { value: key };
        const header = doc.groupBy.header(doc.groupBy.getter(obj));
        this.startGroup(header);
      }
    }
    const body = doc.body;
    if (body.kind === 'table') {
      const cells = body.columns.map((c) =>
        cellText(valueOf(c, obj, computed), { isTable: !body.fromView && !c.formatString, formatString: c.formatString, enumerationLimit: this.enumLimit() }),
      );
      if (body.caching) {
        body.cache.push({ kind: 'row', cells });
        if (this.options.streaming && !this.options.autoSize && Date.now() - body.cacheStart > CACHE_MS) this.flushTableCache(body);
      } else {
        this.ensureTableLayout(body, null);
        this.writeRow(body, cells);
      }
    } else if (body.kind === 'list') {
      for (const l of this.listLines(obj, body.fromView ? doc.view : null, body.items, computed, true)) this.out.push(l);
    } else if (body.kind === 'custom') {
      const props = this.options.properties?.length
        ? this.options.properties.map((p) => ({ label: p.label, value: (o: unknown) => valueOf(p, o, computed) }))
        : undefined;
      for (const l of complexViewLines(obj, { depth: this.options.depth ?? 5, enumerationLimit: this.enumLimit(), properties: props })) this.out.push(l);
    } else {
      const text = this.wideText(obj, body.spec, computed);
      if (body.cache) body.cache.push(text);
      else this.addWide(body, text);
    }
  }

  private startGroup(header: string): void {
    this.pushBody([header, '']);
    const body = this.doc!.body;
    if (body.kind === 'table' && !body.caching) this.writeHeader(body);
  }

  /** Close a group: write buffered rows; between groups pwsh writes one blank line. */
  private endGroup(another: boolean): void {
    const body = this.doc?.body;
    if (!body || !this.doc!.group) return;
    if (body.kind === 'table') {
      if (body.caching) this.flushTableCache(body, true);
      // Each group gets its own header.
      body.layout = null;
    } else if (body.kind === 'wide') this.flushWide(body);
    if (another) this.pushBody(['']);
  }

  private pushBody(lines: string[]): void {
    const body = this.doc?.body;
    if (body && body.kind === 'table' && body.caching) body.cache.push({ kind: 'lines', lines });
    else for (const l of lines) this.out.push(l);
  }

  private ensureTableLayout(body: TableState, hint: number[] | null): void {
    if (body.layout) return;
    body.layout = layoutTable(hint ?? body.initialWidths, body.alignments, this.options.width);
    this.writeHeader(body);
  }

  private writeHeader(body: TableState): void {
    if (!body.layout || this.options.hideTableHeaders) return;
    for (const l of renderHeader(body.layout, body.labels)) this.out.push(l);
  }

  private writeRow(body: TableState, cells: string[]): void {
    if (!body.layout) return;
    if (this.options.wrap) for (const l of renderWrappedRow(body.layout, cells)) this.out.push(l);
    else this.out.push(renderRow(body.layout, cells));
  }

  /** Compute widths from the buffered rows (labels count too), then write everything buffered. */
  private flushTableCache(body: TableState, keepCaching = false): void {
    const widths = body.labels.map((l) => cellWidth(l));
    for (const e of body.cache) {
      if (e.kind !== 'row') continue;
      e.cells.forEach((c, k) => {
        if (cellWidth(c) > widths[k]!) widths[k] = cellWidth(c);
      });
    }
    let headerWritten = false;
    for (const e of body.cache) {
      if (e.kind === 'lines' && !headerWritten && !body.layout) {
        // Out-of-band text and group headers before the first row come before the table header.
        for (const l of e.lines) this.out.push(l);
        continue;
      }
      if (!body.layout) {
        body.layout = layoutTable(widths, body.alignments, this.options.width);
        this.writeHeader(body);
        headerWritten = true;
      }
      if (e.kind === 'row') this.writeRow(body, e.cells);
      else for (const l of e.lines) this.out.push(l);
    }
    body.cache = [];
    body.caching = keepCaching;
  }

  /** The blank line that ends a run of framed custom-view objects. */
  private closeCustomRun(): void {
    this.customRun = null;
    this.outOfBand(['']);
  }

  private endDocument(): void {
    if (this.customRun) this.closeCustomRun();
    const doc = this.doc;
    if (!doc) return;
    const body = doc.body;
    if (body.kind === 'table') {
      if (body.caching) this.flushTableCache(body);
      this.out.push('');
    } else if (body.kind === 'wide') {
      this.flushWide(body);
      this.out.push('');
    } else if (body.kind === 'custom') this.out.push('');
    this.doc = null;
  }

  // ---- lists -------------------------------------------------------------------------------------------------

  /** A list entry: `Name : value` lines, labels padded to the longest; followed by a blank line. */
  private listLines(obj: unknown, view: ViewDefinition | null, items: ColumnSpec[] | null, computed: unknown[] | undefined, inDoc = false): string[] {
    let specs: ColumnSpec[] = items ?? (view?.list ? view.list.items.map(viewColumnToSpec) : defaultPropertyNames(obj).map((p) => ({ label: p, property: p })));
    // A list leaves out -Property names the object does not have (a table shows them as empty cells).
    if (items) specs = specs.filter((s) => s.property === undefined || s.computedIndex !== undefined || s.getter || hasProperty(obj, s.property));
    const labels = specs.map((s) => s.label);
    const values = specs.map((s) => cellText(valueOf(s, obj, computed), { formatString: s.formatString, enumerationLimit: this.enumLimit() }));
    const lines = listEntryLines(labels, values, this.options.width);
    if (!inDoc) lines.unshift('');
    lines.push('');
    return lines;
  }

  // ---- wide --------------------------------------------------------------------------------------------------

  private wideText(obj: unknown, spec: ColumnSpec | null, computed: unknown[] | undefined): string {
    if (spec) return cellText(valueOf(spec, obj, computed), { enumerationLimit: this.enumLimit() });
    const names = propertyNamesOf(obj);
    const name = names.find((n) => n.toLowerCase() === 'name') ?? null;
    return name ? cellText(propertyValueOf(obj, name), { enumerationLimit: this.enumLimit() }) : displayString(obj);
  }

  private initWide(body: WideState, maxLen: number): void {
    if (maxLen > 0) body.perRow = wideItemsPerRow(maxLen, this.options.width);
    body.layout = layoutTable(new Array(body.perRow).fill(0), new Array(body.perRow).fill('Left'), this.options.width);
  }

  private addWide(body: WideState, text: string): void {
    body.buffer.push(text);
    if (body.buffer.length >= body.perRow) this.writeWideRow(body);
  }

  private writeWideRow(body: WideState): void {
    if (body.buffer.length === 0 || !body.layout) return;
    const values = body.buffer.slice();
    while (values.length < body.perRow) values.push('');
    this.out.push(renderRow(body.layout, values));
    body.buffer = [];
  }

  private flushWideCache(body: WideState): void {
    if (!body.cache) return;
    const maxLen = body.cache.reduce((m, s) => Math.max(m, cellWidth(s)), 0);
    this.initWide(body, maxLen);
    const cached = body.cache;
    body.cache = null;
    for (const t of cached) this.addWide(body, t);
  }

  private flushWide(body: WideState): void {
    this.flushWideCache(body);
    this.writeWideRow(body);
  }
}

/** ComputeWideViewBestItemsPerRowFit. */
export function wideItemsPerRow(len: number, screen: number): number {
  if (len <= 0 || screen < 1 || len >= screen) return 1;
  let n = 1;
  for (;;) {
    const next = n + 1;
    if (len * next + (next - 1) >= screen) return n;
    n++;
  }
}

/** ListWriter: labels padded to the longest (capped to fit), values wrapped to the remaining width. */
export function listEntryLines(labels: string[], values: string[], width: number): string[] {
  if (labels.length === 0 || width - 3 - 1 - 1 < 0) return [];
  const maxLabel = width - 3 - 1;
  let labelLen = Math.min(Math.max(...labels.map((l) => cellWidth(l))), maxLabel);
  const padded = labels.map((l) => (cellWidth(l) < labelLen ? l + ' '.repeat(labelLen - cellWidth(l)) : headCells(l, labelLen)) + ' : ');
  labelLen += 3;
  const fieldWidth = width - labelLen;
  const indent = ' '.repeat(labelLen);
  const out: string[] = [];
  labels.forEach((_l, k) => {
    const valueLines = (values[k] ?? '').split(/\r?\n|\r/);
    valueLines.forEach((vl, i) => {
      const chunks = wrapLines(vl, fieldWidth);
      chunks.forEach((c, j) => out.push((i === 0 && j === 0 ? padded[k]! : indent) + c));
    });
  });
  return out;
}

/** An input object with the values of its script-block columns (Format-* cmdlets evaluate those). */
export class ComputedItem {
  constructor(
    readonly obj: unknown,
    readonly computed: unknown[],
  ) {}
}

/**
 * Output of Format-Table/List/Wide: rendered when it reaches Out-Default or Out-String, at their width.
 * pwsh emits format objects instead; this keeps `$t = Format-Table; $t` and `Format-Table | Out-String` working.
 */
export class FormattedText {
  constructor(
    /** Renders the formatted lines for a screen of `width` columns. */
    readonly render: (width: number) => string[],
  ) {}
  toString(): string {
    return 'Microsoft.PowerShell.Commands.Internal.Format.FormatStartData';
  }
}

function hasProperty(obj: unknown, name: string): boolean {
  // Only custom objects and scalars are checked; other shapes (dictionary entries, emulated .NET objects)
  // resolve names their own ways.
  if (obj instanceof PSObject) {
    if (obj.baseObject !== undefined && obj.baseObject !== null && !isScalar(obj.baseObject)) return true;
    return hasMember(obj, name);
  }
  return isScalar(obj) ? hasMember(obj, name) : true;
}
