// Invoke-WebRequest and Invoke-RestMethod (Microsoft.PowerShell.Utility), over node:http/https: redirects,
// bodies (strings, bytes, hashtables as forms or query strings, -InFile), -OutFile, and pwsh's response handling
// (JSON, then XML, then text for Invoke-RestMethod; a response object for Invoke-WebRequest).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { CmdletContext, CmdletDecl } from '../../runtime/cmdlet-api.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { PSEnumValue, resolveType, convertTo, TYPE_NAME } from '../../runtime/types/index.js';
import { fromJson } from '../../runtime/format/json.js';
import { toStr } from '../../runtime/values/convert.js';
import { UTILITY_MODULE } from './util.js';
import { PSVERSION } from '../../runtime/interpreter/session.js';
import { loadXmlSupport } from '../../runtime/types/xml-support.js';

interface HttpResult {
  status: number;
  reason: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  url: string;
}

const METHODS = ['Default', 'Get', 'Head', 'Post', 'Put', 'Delete', 'Trace', 'Options', 'Merge', 'Patch'];
const USER_AGENT = `Mozilla/5.0 (Linux; en-US) PowerShell/${PSVERSION}`;

/** One request, following redirects (-MaximumRedirection, 5 by default) as HttpClient does. */
function send(url: URL, method: string, headers: Record<string, string>, body: Buffer | null, o: { timeoutMs: number; insecure: boolean; redirects: number }): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, { method, headers, rejectUnauthorized: !o.insecure, timeout: o.timeoutMs || undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (status >= 300 && status < 400 && location && o.redirects > 0) {
          // 301/302/303 turn a POST into a GET without a body, as HttpClient does.
          const toGet = status === 303 || ((status === 301 || status === 302) && method === 'POST');
          // A request that drops its body drops the headers that describe it.
          const { 'Content-Length': _length, 'Content-Type': _type, ...bodiless } = headers;
          send(new URL(location, url), toGet ? 'GET' : method, toGet ? bodiless : headers, toGet ? null : body, { ...o, redirects: o.redirects - 1 }).then(resolve, reject);
          return;
        }
        resolve({ status, reason: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks), url: url.href });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`The request was canceled due to the configured HttpClient.Timeout of ${o.timeoutMs / 1000} seconds elapsing.`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** WebUtility.UrlEncode: a space is `+`, and only letters, digits and `-_.!*()` stay as they are. */
function urlEncode(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[~']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `a=1&b=x+y`: a hashtable as a form or query string. */
function formEncode(h: PSHashtable): string {
  const parts: string[] = [];
  for (const [k, v] of h.map.values()) parts.push(`${urlEncode(toStr(k))}=${urlEncode(toStr(v))}`);
  return parts.join('&');
}

function headerRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v instanceof PSHashtable) for (const [k, val] of v.map.values()) out[toStr(k)] = Array.isArray(val) ? val.map((x) => toStr(x)).join(', ') : toStr(val);
  return out;
}

/** The response headers as pwsh gives them: a case-insensitive dictionary of string arrays. */
function headersDictionary(h: http.IncomingHttpHeaders): PSHashtable {
  const d = new PSHashtable();
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    const name = k.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
    d.set(name, Array.isArray(v) ? v : [String(v)]);
  }
  return d;
}

function statusCodeValue(status: number): unknown {
  const t = resolveType('System.Net.HttpStatusCode');
  return t ? new PSEnumValue(t, status) : status;
}

/** Decodes the body with the Content-Type's charset (UTF-8 when there is none). */
function bodyText(r: HttpResult): string {
  const charset = /charset=([^;]+)/i.exec(String(r.headers['content-type'] ?? ''))?.[1]?.trim().toLowerCase();
  const enc: BufferEncoding = charset === 'iso-8859-1' || charset === 'latin1' ? 'latin1' : charset === 'utf-16' || charset === 'utf-16le' ? 'utf16le' : 'utf8';
  return r.body.toString(enc);
}

function isJsonType(ct: string): boolean {
  return /^application\/(.+\+)?json\b/i.test(ct) || /^text\/json\b/i.test(ct) || /\+json\b/i.test(ct);
}

function isXmlType(ct: string): boolean {
  return /^(application|text)\/(.+\+)?xml\b/i.test(ct);
}

function tryJson(text: string): { ok: boolean; value?: unknown } {
  try {
    return { ok: true, value: fromJson(text, { asHashtable: false, depth: 1024 }) };
  } catch {
    return { ok: false };
  }
}

function tryXml(text: string): { ok: boolean; value?: unknown } {
  if (!text.trimStart().startsWith('<')) return { ok: false };
  const t = resolveType('System.Xml.XmlDocument');
  if (!t) return { ok: false };
  try {
    return { ok: true, value: convertTo(text, t) };
  } catch {
    return { ok: false };
  }
}

/** Invoke-RestMethod's conversion: JSON first for a JSON content type, else XML first; text when neither parses. */
function restValue(r: HttpResult, text: string): unknown {
  const ct = String(r.headers['content-type'] ?? '');
  const order = isJsonType(ct) ? [tryJson, tryXml] : [tryXml, tryJson];
  if (text.trim() !== '' || isXmlType(ct)) {
    for (const f of order) {
      const got = f(text);
      if (got.ok) return got.value;
    }
  }
  return text;
}

/** The object Invoke-WebRequest outputs (BasicHtmlWebResponseObject for text, WebResponseObject for bytes). */
function responseObject(r: HttpResult): PSObject {
  const ct = String(r.headers['content-type'] ?? '');
  const isText = ct === '' || /^text\//i.test(ct) || isJsonType(ct) || isXmlType(ct) || /javascript/i.test(ct);
  const content = isText ? bodyText(r) : new Uint8Array(r.body);
  const typeName = isText ? 'Microsoft.PowerShell.Commands.BasicHtmlWebResponseObject' : 'Microsoft.PowerShell.Commands.WebResponseObject';
  const o = new PSObject(isText ? [typeName, 'Microsoft.PowerShell.Commands.WebResponseObject', 'System.Object'] : [typeName, 'System.Object']);
  const headers = headersDictionary(r.headers);
  const headerLines = [...headers.map.values()].map(([k, v]) => `${toStr(k)}: ${(v as string[]).join(', ')}`);
  const raw = `HTTP/1.1 ${r.status} ${r.reason}\r\n${headerLines.join('\r\n')}\r\n\r\n${isText ? content : ''}`;
  const links = isText && /html/i.test(ct) ? [...String(content).matchAll(/<a\s[^>]*href\s*=\s*["']?([^"'\s>]+)["']?[^>]*>(.*?)<\/a>/gis)].map((m) => {
    const l = new PSObject();
    l.addMember({ name: 'outerHTML', memberType: 'NoteProperty', value: m[0] });
    l.addMember({ name: 'tagName', memberType: 'NoteProperty', value: 'A' });
    l.addMember({ name: 'href', memberType: 'NoteProperty', value: m[1] });
    return l;
  }) : [];
  const props: [string, unknown][] = [
    ['StatusCode', r.status],
    ['StatusDescription', r.reason],
    ['Content', content],
    ['RawContent', raw],
    ['Headers', headers],
    ['Images', []],
    ['InputFields', []],
    ['Links', links],
    ['RawContentLength', r.body.length],
    ['RelationLink', new PSHashtable()],
  ];
  for (const [name, value] of isText ? props : props.filter(([n]) => !['Images', 'InputFields', 'Links'].includes(n))) o.addMember({ name, memberType: 'NoteProperty', value });
  o.addMember({ name: 'ToString', memberType: 'CodeMethod', value: () => (typeof content === 'string' ? content : '') });
  return o;
}

/** The HttpResponseMessage-like object an HttpResponseException carries (`$_.Exception.Response.StatusCode`). */
function responseMessage(r: HttpResult): Record<string | symbol, unknown> {
  const m: Record<string | symbol, unknown> = {
    StatusCode: statusCodeValue(r.status),
    ReasonPhrase: r.reason,
    IsSuccessStatusCode: false,
    Headers: headersDictionary(r.headers),
    RequestMessage: { RequestUri: r.url },
  };
  Object.defineProperty(m, TYPE_NAME, { value: 'System.Net.Http.HttpResponseMessage', enumerable: false });
  return m;
}

function webParameters(rest: boolean): CmdletDecl['parameters'] {
  return [
    { name: 'Uri', type: 'uri', position: 0, mandatory: true },
    { name: 'Method', type: 'string', validateSet: METHODS, parameterSets: ['StandardMethod', 'StandardMethodNoProxy'] },
    { name: 'CustomMethod', type: 'string', aliases: ['CM'], parameterSets: ['CustomMethod', 'CustomMethodNoProxy'] },
    { name: 'Body', type: 'object', valueFromPipeline: true },
    { name: 'Headers', type: 'System.Collections.IDictionary' },
    { name: 'ContentType', type: 'string' },
    { name: 'InFile', type: 'string' },
    { name: 'OutFile', type: 'string' },
    { name: 'PassThru', type: 'switch' },
    { name: 'UseBasicParsing', type: 'switch' },
    { name: 'TimeoutSec', type: 'int' },
    { name: 'SkipCertificateCheck', type: 'switch' },
    { name: 'SkipHttpErrorCheck', type: 'switch' },
    { name: 'SkipHeaderValidation', type: 'switch' },
    { name: 'MaximumRedirection', type: 'int' },
    { name: 'MaximumRetryCount', type: 'int' },
    { name: 'RetryIntervalSec', type: 'int' },
    { name: 'UserAgent', type: 'string' },
    { name: 'DisableKeepAlive', type: 'switch' },
    { name: 'StatusCodeVariable', type: 'string' },
    { name: 'ResponseHeadersVariable', type: 'string', aliases: ['RHV'] },
    { name: 'SessionVariable', type: 'string', aliases: ['SV'] },
    { name: 'WebSession', type: 'object' },
    { name: 'NoProxy', type: 'switch' },
    ...(rest ? [{ name: 'FollowRelLink', type: 'switch' as const, aliases: ['FL'] }] : []),
  ];
}

function webCmdlet(name: string, rest: boolean, synopsis: string): CmdletDecl {
  return {
    name,
    module: UTILITY_MODULE,
    synopsis,
    outputType: rest ? ['System.Object'] : ['Microsoft.PowerShell.Commands.BasicHtmlWebResponseObject'],
    defaultParameterSet: 'StandardMethod',
    parameters: webParameters(rest),
    process: (ctx) => invoke(ctx, rest),
  };
}

async function invoke(ctx: CmdletContext, rest: boolean): Promise<void> {
  const p = ctx.params;
  const url = new URL(toStr(p.Uri));
  let method = p.CustomMethod ? toStr(p.CustomMethod) : (toStr(p.Method ?? 'Get') || 'Get').toUpperCase();
  if (method === 'DEFAULT') method = 'GET';
  const session = p.WebSession instanceof PSObject ? p.WebSession : null;
  const headers: Record<string, string> = { 'User-Agent': p.UserAgent ? toStr(p.UserAgent) : USER_AGENT, ...headerRecord(session?.getMember('Headers')?.value), ...headerRecord(p.Headers) };
  let body: Buffer | null = null;
  let contentType = p.ContentType ? toStr(p.ContentType) : null;
  if (p.InFile) body = fs.readFileSync(ctx.resolvePath(toStr(p.InFile)));
  else if (p.Body !== undefined && p.Body !== null) {
    const b = p.Body instanceof PSObject && p.Body.baseObject !== undefined ? p.Body.baseObject : p.Body;
    if (b instanceof PSHashtable) {
      // A hashtable is the query string of a GET, else a urlencoded form.
      if (method === 'GET') {
        const q = formEncode(b);
        if (q) url.search = url.search ? `${url.search}&${q}` : `?${q}`;
      } else {
        body = Buffer.from(formEncode(b));
        contentType ??= 'application/x-www-form-urlencoded';
      }
    } else if (b instanceof Uint8Array) body = Buffer.from(b);
    else body = Buffer.from(toStr(b), 'utf8');
  }
  if (body && !contentType && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) contentType = 'application/x-www-form-urlencoded';
  if (contentType) headers['Content-Type'] = contentType;
  if (body) headers['Content-Length'] = String(body.length);
  if (p.SessionVariable) {
    const s = new PSObject(['Microsoft.PowerShell.Commands.WebRequestSession', 'System.Object']);
    const h = new PSHashtable();
    for (const [k, v] of Object.entries(headerRecord(p.Headers))) h.set(k, v);
    s.addMember({ name: 'Headers', memberType: 'NoteProperty', value: h });
    s.addMember({ name: 'UserAgent', memberType: 'NoteProperty', value: headers['User-Agent'] });
    ctx.setVariable(toStr(p.SessionVariable), s);
  }
  let r: HttpResult;
  try {
    r = await send(url, method, headers, body, {
      timeoutMs: (Number(p.TimeoutSec) || 0) * 1000,
      insecure: !!p.SkipCertificateCheck,
      redirects: p.MaximumRedirection === undefined ? 5 : Number(p.MaximumRedirection),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ECONNREFUSED' ? `Connection refused (${url.host})` : err.code === 'ENOTFOUND' ? `Name or service not known (${url.host})` : err.message;
    return ctx.throwTerminating({ message: reason, errorId: 'WebCmdletWebResponseException', category: 'InvalidOperation', exceptionType: 'System.Net.Http.HttpRequestException', targetObject: url.href });
  }
  if (p.StatusCodeVariable) ctx.setVariable(toStr(p.StatusCodeVariable), r.status);
  if (p.ResponseHeadersVariable) ctx.setVariable(toStr(p.ResponseHeadersVariable), headersDictionary(r.headers));
  if ((r.status < 200 || r.status >= 300) && !p.SkipHttpErrorCheck) {
    const text = bodyText(r);
    return ctx.throwTerminating({
      message: `Response status code does not indicate success: ${r.status} (${r.reason}).`,
      errorId: 'WebCmdletWebResponseException',
      category: 'InvalidOperation',
      exceptionType: 'Microsoft.PowerShell.Commands.HttpResponseException',
      exceptionProperties: { Response: responseMessage(r), StatusCode: statusCodeValue(r.status) },
      detailsMessage: text.trim() ? text : undefined,
      targetObject: url.href,
    });
  }
  if (p.OutFile) {
    fs.writeFileSync(ctx.resolvePath(toStr(p.OutFile)), r.body);
    if (!p.PassThru) return;
  }
  if (method === 'HEAD' && rest) return;
  if (!rest) return ctx.write(responseObject(r));
  const text = bodyText(r);
  // An XML answer becomes an XmlDocument: the XML support loads on first need.
  if (isXmlType(String(r.headers['content-type'] ?? '')) || text.trimStart().startsWith('<')) await loadXmlSupport();
  ctx.write(restValue(r, text));
}

export const cmdlets: CmdletDecl[] = [
  webCmdlet('Invoke-WebRequest', false, 'Gets content from a web page on the internet.'),
  webCmdlet('Invoke-RestMethod', true, 'Sends an HTTP or HTTPS request to a RESTful web service.'),
];
