// Redirections: `2>&1`, `3>&1`, `*>&1`, `> file`, `>> file`, `2> file`, `*> $null`.
import type * as A from '../../parser/ast.js';
import { Frame, WarningRecord, VerboseRecord, DebugRecord, InformationRecord, type Streams } from './frame.js';
import type { Processor, Sink } from './pipeline.js';
import { compileExpr } from './compile-expr.js';
import { isPromise } from './flow.js';
import { toStr } from '../values/convert.js';
import { getVariable, setVariable } from './variables.js';

type StreamId = '1' | '2' | '3' | '4' | '5' | '6';
const ALL: StreamId[] = ['1', '2', '3', '4', '5', '6'];

interface FileTarget {
  path: string | null; // null = $null (discard)
  append: boolean;
  items: unknown[];
  /** `> variable:name`: the records are stored in this variable instead of a file. */
  variable?: string;
}

export interface Redirected {
  streams: Streams;
  /** Wrap a command so its output honours the redirections. */
  wrap(p: Processor): Processor;
  /** For a lone expression: the sink to write values to, and what to do at the end. */
  out: Sink;
  finish(): void | Promise<void>;
}

function targetOf(f: Frame, r: A.FileRedirectionAst): FileTarget {
  const loc = r.location;
  if (loc.kind === 'Variable' && loc.name.toLowerCase() === 'null' && !loc.scope) return { path: null, append: r.append, items: [] };
  const v = compileExpr(loc)(f);
  if (isPromise(v)) throw new Error('redirection targets must not run commands');
  const text = toStr(v);
  const m = /^variable:[\\/]?(.+)$/i.exec(text);
  if (m) return { path: text, append: r.append, items: [], variable: m[1]! };
  // `\` separates folders as on Windows (pwsh accepts it on Unix too: "$TestDrive\out.txt").
  return { path: f.session.resolvePath(text.replace(/\\/g, '/')), append: r.append, items: [] };
}

/** `> variable:x` stores what was written (one item as itself); `>>` appends to what the variable holds. */
function writeVariable(f: Frame, t: FileTarget): void {
  const name = t.variable!;
  const key = name.toLowerCase();
  let value: unknown = t.items.length === 1 ? t.items[0] : t.items;
  if (t.append) {
    const old = getVariable(f, null, key, name);
    if (old !== null && old !== undefined) value = [...(Array.isArray(old) ? old : [old]), ...t.items];
  }
  setVariable(f, null, key, name, value);
}

export function makeRedirectedStreams(f: Frame, redirections: A.RedirectionAst[], exprOut: Sink | null): Redirected {
  const base = f.streams;
  const merged = new Set<StreamId>();
  const files = new Map<StreamId, FileTarget>();
  for (const r of redirections) {
    const from: StreamId[] = r.fromStream === '*' ? ALL : [r.fromStream as StreamId];
    if (r.kind === 'MergingRedirection') {
      if (r.toStream === '1') for (const s of from) if (s !== '1') merged.add(s);
    } else {
      const t = targetOf(f, r);
      // `*>` after `> out` leaves the output stream where the earlier, explicit redirection sent it.
      for (const s of from) if (r.fromStream !== '*' || !files.has(s)) files.set(s, t);
    }
  }
  let downstream: Sink = exprOut ?? (() => {});
  const outputFile = files.get('1');
  // Where records merged into the output go: the output sink (or its file).
  const toOutput: Sink = (v) => (outputFile ? outputFile.items.push(v) : downstream(v));
  const route = (id: StreamId, original: (x: any) => void, wrapRecord: (x: any) => unknown) => (x: any) => {
    const file = files.get(id);
    if (file) {
      if (file.path !== null) file.items.push(wrapRecord(x));
      return;
    }
    if (merged.has(id)) {
      toOutput(wrapRecord(x));
      return;
    }
    original(x);
  };
  const streams: Streams = {
    error: route('2', (r) => base.error(r), (r) => r),
    warning: route('3', (m) => base.warning(m), (m) => new WarningRecord(m)),
    verbose: route('4', (m) => base.verbose(m), (m) => new VerboseRecord(m)),
    debug: route('5', (m) => base.debug(m), (m) => new DebugRecord(m)),
    information: route('6', (r) => base.information(r), (r) => new InformationRecord(r.MessageData, r.Tags, r.Source, r.TimeGenerated)),
  };
  const finish = (): void => {
    const written = new Set<FileTarget>();
    for (const t of files.values()) {
      if (t.path === null || written.has(t)) continue;
      written.add(t);
      if (t.variable !== undefined) writeVariable(f, t);
      else f.session.writeRedirectionFile(t.path, t.items, t.append);
    }
  };
  return {
    streams,
    out: toOutput,
    finish,
    wrap(p: Processor): Processor {
      const wrapper: Processor = {
        expectingInput: false,
        get out() {
          return downstream;
        },
        set out(v: Sink) {
          downstream = v;
        },
        begin() {
          p.expectingInput = wrapper.expectingInput;
          p.feedsNext = wrapper.feedsNext;
          p.out = toOutput;
          return p.begin();
        },
        process: (item) => p.process(item),
        clean: p.clean ? () => p.clean!() : undefined,
        end() {
          const r = p.end();
          if (isPromise(r)) return r.then(finish);
          finish();
        },
      };
      return wrapper;
    },
  };
}
