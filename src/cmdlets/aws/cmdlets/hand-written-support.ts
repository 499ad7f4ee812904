// Shared pieces of the hand-written AWS cmdlets: running a custom flow against a lazily created client with
// AWS Tools' error shape, local file helpers, and content types by extension.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletContext, ParameterDecl } from '../../../runtime/cmdlet-api.js';
import { serviceCommonParameters } from '../runtime/common-params.js';
import { getServiceClient, loadServiceModule, type ServiceClient } from '../runtime/client-factory.js';
import { commonFrom } from '../runtime/service-cmdlet.js';
import { toAwsErrorRecord, isFlowSignal } from '../runtime/aws-errors.js';
import { PSObject } from '../../../runtime/values/objects.js';
import { plain } from '../runtime/schema-values.js';
import { registerServiceModelTypes } from '../model/model-types.js';

/** Common parameters for a hand-written cmdlet (without -NoAutoIteration when it does not page). */
export function commonParams(prefix: string, paging = false): ParameterDecl[] {
  const all = serviceCommonParameters(prefix);
  return paging ? all : all.filter((p) => p.name !== 'NoAutoIteration');
}

/** Runs `fn` with the service client; any failure becomes AWS Tools' terminating ErrorRecord. */
export async function withService(ctx: CmdletContext, cmdletName: string, prefix: string, target: unknown, fn: (svc: ServiceClient) => Promise<void>): Promise<void> {
  let svc: ServiceClient | undefined;
  try {
    registerServiceModelTypes(prefix, await loadServiceModule(prefix));
    svc = await getServiceClient(ctx, prefix, commonFrom(ctx.params));
    await fn(svc);
  } catch (e) {
    // Pipeline flow signals (Select-Object -First stopping upstream, break, exit) are not errors: pass them on.
    if (isFlowSignal(e)) throw e;
    ctx.throwTerminating(toAwsErrorRecord(e, cmdletName, prefix, target, svc?.endpoint));
  }
}

/** A property of a pipeline object (PSObject or plain), case-insensitively. */
export function propOf(o: unknown, name: string): unknown {
  if (o instanceof PSObject) {
    const m = o.getMember(name);
    if (m) return m.value;
    return o.baseObject && o.baseObject !== o ? propOf(o.baseObject, name) : undefined;
  }
  if (o && typeof o === 'object') {
    const r = o as Record<string, unknown>;
    if (name in r) return r[name];
    const lower = name.toLowerCase();
    for (const k of Object.keys(r)) if (k.toLowerCase() === lower) return r[k];
  }
  return undefined;
}

/** A path argument: a string, or a FileInfo-like object (FullName). */
export function pathArg(v: unknown): string | undefined {
  const p = plain(v);
  if (p === null || p === undefined) return undefined;
  if (typeof p === 'string') return p;
  const full = propOf(p, 'FullName');
  return typeof full === 'string' ? full : String(p);
}

/** The FileInfo / DirectoryInfo object for a local path, as Get-Item makes it. */
export async function fileItem(full: string): Promise<unknown> {
  try {
    const { itemFromPath } = await import('../../core/fs-items.js');
    const item = itemFromPath(full);
    if (item) return item;
  } catch {
    /* the filesystem provider is optional for embedders */
  }
  const st = fs.statSync(full);
  return { Name: nodePath.basename(full), FullName: full, Length: st.size, LastWriteTime: st.mtime };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html', '.htm': 'text/html', '.txt': 'text/plain', '.css': 'text/css', '.js': 'application/javascript', '.mjs': 'application/javascript',
  '.json': 'application/json', '.xml': 'text/xml', '.csv': 'text/csv', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.pdf': 'application/pdf', '.zip': 'application/zip',
  '.gz': 'application/x-gzip', '.tar': 'application/x-tar', '.ps1': 'text/plain', '.md': 'text/markdown', '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg', '.wav': 'audio/wav', '.woff': 'font/woff', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
};
/** Content type inferred from a file extension, as the .NET SDK's MIME map does. */
export function contentTypeFor(path: string): string {
  return contentTypes[nodePath.extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Files under a folder, optionally recursive, filtered by a wildcard pattern (`*.txt`). */
export function filesUnder(folder: string, recurse: boolean, pattern?: string): string[] {
  const re = pattern ? new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i') : null;
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = nodePath.join(dir, e.name);
      if (e.isDirectory()) {
        if (recurse) walk(full);
      } else if (!re || re.test(e.name)) out.push(full);
    }
  };
  walk(folder);
  return out;
}

/** Joins an S3 key prefix and a relative path with `/`. */
export function joinKey(prefix: string | undefined, rel: string): string {
  const r = rel.split(nodePath.sep).join('/');
  if (!prefix) return r;
  return prefix.endsWith('/') ? prefix + r : `${prefix}/${r}`;
}

/** A hashtable/object parameter as a plain string map. */
export function stringMap(v: unknown): Record<string, string> | undefined {
  const p = plain(v);
  if (p === null || p === undefined) return undefined;
  const out: Record<string, string> = {};
  const src = p as { entries?: () => Iterable<[unknown, unknown]> };
  if (typeof src.entries === 'function' && !(p instanceof PSObject) && !Array.isArray(p)) {
    for (const [k, x] of src.entries()) out[String(k)] = String(plain(x));
  } else if (p instanceof PSObject) {
    for (const m of p.properties()) out[m.name] = String(plain(m.value));
  } else if (typeof p === 'object') for (const [k, x] of Object.entries(p as object)) out[k] = String(plain(x));
  return out;
}
