// Invoke-RestMethod and Invoke-WebRequest against a local HTTP server started by the test.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createShell } from '../../src/index.js';
import { tempDir } from '../temp-dir.js';

let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const json = (status: number, v: unknown) => {
        res.statusCode = status;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(v));
      };
      switch (u.pathname) {
        case '/echo':
          return json(200, { method: req.method, body, contentType: req.headers['content-type'] ?? null, query: u.search, auth: req.headers.authorization ?? null, agent: req.headers['user-agent'] });
        case '/array':
          return json(200, [1, 2, 3]);
        case '/text':
          res.setHeader('Content-Type', 'text/plain');
          return res.end('plain text');
        case '/html':
          res.setHeader('Content-Type', 'text/html');
          return res.end('<html><body><a href="/one">One</a> <a href="https://example.org/two">Two</a></body></html>');
        case '/xml':
          res.setHeader('Content-Type', 'application/xml');
          return res.end('<root><item id="7">seven</item></root>');
        case '/see-other':
          res.statusCode = 303;
          res.setHeader('Location', '/echo');
          return res.end();
        case '/redirect':
          res.statusCode = 302;
          res.setHeader('Location', '/text');
          return res.end();
        case '/missing':
          return json(404, { error: 'not here' });
        default:
          res.statusCode = 500;
          return res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Runs a script (with $base set) and returns its output, each object as PowerShell's text for it. */
async function run(script: string): Promise<string[]> {
  const shell = createShell({ host: {} });
  const r = await shell.execute(`& { ${script} } | ForEach-Object { "$_" }`, { variables: { base } });
  if (r.terminatingError) throw new Error(String(r.terminatingError.Exception?.Message ?? r.terminatingError));
  return r.output.map((o) => String(o));
}

describe('Invoke-RestMethod', () => {
  it('converts JSON responses to objects; a JSON array is one output object', async () => {
    expect(await run('$r = Invoke-RestMethod "$base/echo"; $r.method; $r.agent -like "*PowerShell/7*"; @(irm "$base/array" | % { $_.Count })')).toEqual(['GET', 'True', '3']);
  });

  it('a POST redirected with 303 becomes a GET without the body or its headers', async () => {
    expect(await run('$r = irm "$base/see-other" -Method Post -Body "x=1"; $r.method; $r.body; $null -eq $r.contentType')).toEqual(['GET', '', 'True']);
  });

  it('converts XML responses to an XmlDocument', async () => {
    expect(await run('$x = irm "$base/xml"; $x.GetType().FullName; $x.root.item.id; $x.root.item.InnerText')).toEqual(['System.Xml.XmlDocument', '7', 'seven']);
  });

  it('returns text for text responses and follows redirects', async () => {
    expect(await run('irm "$base/text"; irm "$base/redirect"')).toEqual(['plain text', 'plain text']);
  });

  it('sends string bodies with their content type, hashtables as forms (POST) or query strings (GET), and headers', async () => {
    const out = await run(
      '$p = irm "$base/echo" -Method Post -Body (@{ a = 1 } | ConvertTo-Json -Compress) -ContentType "application/json"; $p.body; $p.contentType; ' +
        '(irm "$base/echo" -Body @{ x = "a b" }).query; $f = irm "$base/echo" -Method Post -Body @{ x = "1" }; $f.body; $f.contentType; ' +
        '(irm "$base/echo" -Headers @{ Authorization = "Bearer t0k" }).auth',
    );
    expect(out).toEqual(['{"a":1}', 'application/json', '?x=a+b', 'x=1', 'application/x-www-form-urlencoded', 'Bearer t0k']);
  });

  it('fails on an error status with the response body as the error details, and the status code on the exception', async () => {
    const out = await run(
      'try { irm "$base/missing" } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName; $_.Exception.Message; $_.ErrorDetails.Message; $_.Exception.Response.StatusCode; [int]$_.Exception.Response.StatusCode }',
    );
    expect(out).toEqual([
      'WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand',
      'Microsoft.PowerShell.Commands.HttpResponseException',
      'Response status code does not indicate success: 404 (Not Found).',
      '{"error":"not here"}',
      'NotFound',
      '404',
    ]);
  });

  it('-SkipHttpErrorCheck returns the body; -StatusCodeVariable and -ResponseHeadersVariable are set', async () => {
    expect(await run('(irm "$base/missing" -SkipHttpErrorCheck -StatusCodeVariable sc -ResponseHeadersVariable h).error; $sc; $h["Content-Type"]')).toEqual([
      'not here',
      '404',
      'application/json; charset=utf-8',
    ]);
  });

  it('reports a refused connection as an HttpRequestException', async () => {
    expect(await run('try { irm "http://127.0.0.1:9/x" } catch { $_.Exception.GetType().FullName; $_.Exception.Message }')).toEqual([
      'System.Net.Http.HttpRequestException',
      'Connection refused (127.0.0.1:9)',
    ]);
  });
});

describe('Invoke-WebRequest', () => {
  it('gives a response object with status, content, headers and links', async () => {
    expect(await run('$w = iwr "$base/html"; $w.StatusCode; $w.StatusDescription; $w.Links.href; $w.Headers["Content-Type"]; $w.Content.StartsWith("<html>")')).toEqual([
      '200',
      'OK',
      '/one',
      'https://example.org/two',
      'text/html',
      'True',
    ]);
  });

  it('-OutFile saves the body, and outputs nothing without -PassThru', async () => {
    const dir = tempDir('awsh-web-');
    expect(await run(`iwr "$base/text" -OutFile '${join(dir, 'o.txt')}'`)).toEqual([]);
    expect(readFileSync(join(dir, 'o.txt'), 'utf8')).toBe('plain text');
  });
});
