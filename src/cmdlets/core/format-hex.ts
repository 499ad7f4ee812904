// Format-Hex: bytes of strings, files and primitive values as ByteCollection objects (16 bytes each), shown by
// pwsh's ByteCollection table view grouped by Label (`   Label: String (System.String) <1A2B3C4D>`).
import * as fs from 'node:fs';
import { randomInt } from 'node:crypto';
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { TYPE_NAME, PSEnumValue, typeOf } from '../../runtime/types/index.js';
import { PSObject } from '../../runtime/values/objects.js';
import { PSChar, numericTypeOf, toJsNumber } from '../../runtime/values/numbers.js';
import { registerView, ensureBuiltinViews } from '../../runtime/format/index.js';
import { UTILITY_MODULE } from './util.js';
import { fileSystemInfoOf, ioError, pathNotFound, resolveFsPaths } from './fs-items.js';
import { toTextEncoding } from './content-cmdlets.js';

const BYTES_PER_LINE = 16;

/** Microsoft.PowerShell.Commands.ByteCollection: one line of the dump. */
export class ByteCollection {
  readonly [TYPE_NAME] = 'Microsoft.PowerShell.Commands.ByteCollection';
  constructor(
    readonly Offset64: number,
    readonly Bytes: Uint8Array,
    readonly Path: string | null,
    readonly Label: string | null,
  ) {}
  get HexOffset(): string {
    return this.Offset64.toString(16).toUpperCase().padStart(16, '0');
  }
  get HexBytes(): string {
    return Array.from(this.Bytes, hex2).join(' ');
  }
  get Ascii(): string {
    return Array.from(this.Bytes, asciiChar).join('');
  }
  /** The classic one-line dump: offset, 16 hex columns, the characters. */
  toString(): string {
    if (this.Bytes.length === 0) return '';
    const lines: string[] = [];
    for (let i = 0; i < this.Bytes.length; i += BYTES_PER_LINE) {
      const chunk = this.Bytes.subarray(i, i + BYTES_PER_LINE);
      let hex = '';
      let ascii = '';
      for (let k = 0; k < BYTES_PER_LINE; k++) {
        hex += k < chunk.length ? hex2(chunk[k]!) + ' ' : '   ';
        ascii += k < chunk.length ? asciiChar(chunk[k]!) : ' ';
      }
      lines.push(`${(this.Offset64 + i).toString(16).toUpperCase().padStart(16, '0')}   ${hex} ${ascii}`);
    }
    return lines.join('\n');
  }
}

function hex2(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}

/** NUL shows as a space, other control characters (char.IsControl: 0-0x1F, 0x7F-0x9F) as U+FFFD. */
function asciiChar(b: number): string {
  if (b === 0) return ' ';
  if (b < 0x20 || (b >= 0x7f && b <= 0x9f)) return '\ufffd';
  return String.fromCharCode(b);
}

let viewRegistered = false;
function ensureByteCollectionView(): void {
  if (viewRegistered) return;
  viewRegistered = true;
  ensureBuiltinViews();
  registerView('Microsoft.PowerShell.Commands.ByteCollection', {
    table: {
      columns: [
        { label: 'Offset', property: 'HexOffset', width: 16, alignment: 'Right' },
        { label: 'Bytes\n00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F', property: 'HexBytes', width: 47, alignment: 'Left' },
        { label: 'Ascii', property: 'Ascii', width: 16, alignment: 'Left' },
      ],
      groupBy: { getter: (o) => (o as ByteCollection).Label ?? '', header: (v) => `   Label: ${String(v ?? '')}` },
    },
  });
}

// Marshal.SizeOf of the primitive types (bool marshals as a 4-byte BOOL, char as a 1-byte ANSI char).
const SIZES: Record<string, number> = {
  Byte: 1, SByte: 1, Boolean: 4, Char: 1, Int16: 2, UInt16: 2, Int32: 4, UInt32: 4, Single: 4, Int64: 8, UInt64: 8, Double: 8,
};

/** A value's primitive type name (System.X without the namespace), or null. */
function primitiveOf(v: unknown): { type: string; value: unknown } | null {
  if (v instanceof PSEnumValue) return { type: (v.type.def.enumUnderlying ?? 'System.Int32').replace(/^System\./, ''), value: v.value };
  if (typeof v === 'boolean') return { type: 'Boolean', value: v };
  if (v instanceof PSChar) return { type: 'Char', value: v.valueOf() };
  const t = numericTypeOf(v);
  return t && t in SIZES ? { type: t, value: v } : null;
}

/** BitConverter.GetBytes (little-endian), cut to the marshalled size. */
function bytesOf(type: string, v: unknown): Uint8Array {
  const size = SIZES[type]!;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  const n = typeof v === 'boolean' ? (v ? 1 : 0) : toJsNumber(v);
  const big = (x: unknown): bigint => (typeof x === 'bigint' ? x : x && typeof x === 'object' && 'value' in x && typeof x.value === 'bigint' ? x.value : BigInt(Math.trunc(n)));
  switch (type) {
    case 'Single': dv.setFloat32(0, n, true); break;
    case 'Double': dv.setFloat64(0, n, true); break;
    case 'Int64': dv.setBigInt64(0, big(v), true); break;
    case 'UInt64': dv.setBigUint64(0, big(v), true); break;
    case 'Int16': case 'UInt16': dv.setUint16(0, n & 0xffff, true); break;
    case 'Int32': case 'UInt32': dv.setUint32(0, n >>> 0, true); break;
    default: out[0] = n & 0xff;
  }
  return out;
}

interface HexState {
  buffer: number[];
  /** The type of what is buffered: an array's own type, or the element type of grouped scalars. */
  lastType: string | null;
  group: boolean;
}

function label(typeName: string): string {
  const name = typeName.slice(typeName.lastIndexOf('.') + 1);
  return `${name} (${typeName}) <${randomInt(0, 0x7fffffff).toString(16).toUpperCase().padStart(8, '0')}>`;
}

function writeBytes(ctx: CmdletContext, bytes: Uint8Array, offset: number, path: string | null, lbl: string): void {
  for (let i = 0; i < bytes.length; i += BYTES_PER_LINE) {
    ctx.write(new ByteCollection(offset + i, bytes.slice(i, i + BYTES_PER_LINE), path, lbl));
  }
}

/** -Offset/-Count applied to an in-memory input (offsets restart at 0, as pwsh does). */
function window(ctx: CmdletContext, bytes: Uint8Array): Uint8Array {
  const offset = Math.min(bytes.length, ctx.isBound('Offset') ? toJsNumber(ctx.params.Offset) : 0);
  const count = Math.min(bytes.length - offset, ctx.isBound('Count') ? toJsNumber(ctx.params.Count) : Infinity);
  return bytes.subarray(offset, offset + count);
}

function flush(ctx: CmdletContext<HexState>): void {
  const st = ctx.state;
  if (st.buffer.length === 0) return;
  writeBytes(ctx, window(ctx, Uint8Array.from(st.buffer)), 0, null, label(`System.${st.lastType}`));
  st.buffer = [];
  st.lastType = null;
  st.group = true;
}

function hexFile(ctx: CmdletContext, file: string): void {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    ctx.writeError({ ...ioError(e, file, 'FormatHexIOError', 'WriteError'), targetObject: file });
    return;
  }
  const offset = ctx.isBound('Offset') ? toJsNumber(ctx.params.Offset) : 0;
  const count = ctx.isBound('Count') ? toJsNumber(ctx.params.Count) : Infinity;
  const bytes = data.subarray(Math.min(offset, data.length), Math.min(data.length, offset + count));
  writeBytes(ctx, new Uint8Array(bytes), offset, file, file);
}

function notSupported(ctx: CmdletContext, typeName: string): void {
  ctx.writeError({
    message: `Cannot convert input of type '${typeName}' to hexadecimal. To view the hexadecimal formatting of its string representation, pipe it to the Out-String cmdlet before piping it to Format-Hex.`,
    errorId: 'FormatHexTypeNotSupported',
    category: 'InvalidArgument',
    exceptionType: 'System.ArgumentException',
    targetObject: typeName,
  });
}

function processInput(ctx: CmdletContext<HexState>, input: unknown): void {
  const st = ctx.state;
  const obj = input instanceof PSObject && input.baseObject !== undefined && input.baseObject !== null ? input.baseObject : input;
  if (obj === null || obj === undefined) return;
  const info = fileSystemInfoOf(input);
  if (info) {
    flush(ctx);
    hexFile(ctx, info.FullName);
    return;
  }
  if (typeof obj === 'string') {
    flush(ctx);
    const enc = toTextEncoding(ctx.params.Encoding ?? 'utf8NoBOM');
    writeBytes(ctx, window(ctx, new Uint8Array(enc.encode(obj))), 0, null, label('System.String'));
    return;
  }
  // Arrays: a byte[] (Uint8Array) or a typed array of a primitive element type is one group of its own.
  if (obj instanceof Uint8Array || Array.isArray(obj)) {
    const typeName = obj instanceof Uint8Array ? 'System.Byte[]' : typeOf(obj).FullName;
    let element = typeName.replace(/\[\]$/, '').replace(/^System\./, '');
    // An enum array dumps its underlying values.
    const first = obj instanceof Uint8Array ? null : obj[0];
    if (!(element in SIZES) && first instanceof PSEnumValue) element = primitiveOf(first)!.type;
    if (!(element in SIZES)) {
      notSupported(ctx, typeName);
      return;
    }
    flush(ctx);
    const bytes: number[] = [];
    for (const x of Array.from(obj as ArrayLike<unknown>)) {
      const p = primitiveOf(x);
      for (const b of bytesOf(element, p ? p.value : x)) bytes.push(b);
    }
    if (bytes.length > 0) writeBytes(ctx, window(ctx, Uint8Array.from(bytes)), 0, null, label(typeName));
    return;
  }
  const p = primitiveOf(obj);
  if (!p) {
    notSupported(ctx, typeOf(obj).FullName);
    return;
  }
  // Consecutive values of one type are dumped together.
  if (st.lastType !== null && st.lastType !== p.type) flush(ctx);
  st.lastType = p.type;
  for (const b of bytesOf(p.type, p.value)) st.buffer.push(b);
}

export const formatHex: CmdletDecl<HexState> = {
  name: 'Format-Hex',
  module: UTILITY_MODULE,
  synopsis: 'Displays a file or other input as hexadecimal.',
  aliases: ['fhx'],
  defaultParameterSet: 'Path',
  outputType: ['Microsoft.PowerShell.Commands.ByteCollection'],
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, mandatory: true, parameterSets: ['Path'] },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, parameterSets: ['LiteralPath'] },
    { name: 'InputObject', type: 'psobject', mandatory: true, valueFromPipeline: true, parameterSets: ['ByInputObject'] },
    { name: 'Encoding', type: 'object', parameterSets: ['ByInputObject'] },
    { name: 'Count', type: 'long', validateRange: [1, Number.MAX_SAFE_INTEGER] },
    { name: 'Offset', type: 'long', validateRange: [0, Number.MAX_SAFE_INTEGER] },
  ],
  init: () => ({ buffer: [], lastType: null, group: true }),
  begin() {
    ensureByteCollectionView();
  },
  process(ctx) {
    // Piped input binds InputObject after the set was chosen for the command line (which names no path).
    if (ctx.parameterSetName === 'ByInputObject' || ctx.isBound('InputObject') || (!ctx.isBound('Path') && !ctx.isBound('LiteralPath'))) {
      processInput(ctx, ctx.params.InputObject);
      return;
    }
    const literal = ctx.parameterSetName === 'LiteralPath';
    for (const raw of (literal ? ctx.params.LiteralPath : ctx.params.Path) as string[]) {
      for (const file of resolveFsPaths(ctx, raw, { literal, allowMissing: true })) {
        if (!fs.existsSync(file)) {
          ctx.writeError({ ...pathNotFound(file), errorId: 'FileNotFound' });
          continue;
        }
        hexFile(ctx, file);
      }
    }
  },
  end(ctx) {
    flush(ctx);
  },
};

export const cmdlets: CmdletDecl[] = [formatHex];
