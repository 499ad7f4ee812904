// Runs one conformance script in a fresh awsh shell and captures what a console would show.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorRecord, ShellHost } from '../../src/api-types.js';
import { trimBlankEnds } from './case-file.js';
import { tempDir } from '../temp-dir.js';

export interface CaseRun {
  /** stdout lines, trailing whitespace trimmed, blank ends dropped. */
  stdout: string[];
  /** Everything stderr would show: rendered errors (plus their ids/messages), warnings, verbose, debug. */
  stderr: string;
}

/** Accumulates console text so Write-Host -NoNewline and formatted chunks join up as lines. */
class ConsoleText {
  private text = '';
  write(text: string): void {
    this.text += text;
  }
  line(text: string): void {
    this.text += text + '\n';
  }
  lines(): string[] {
    return trimBlankEnds(this.text.split('\n').map((l) => l.trimEnd()));
  }
}

export async function runCase(script: string): Promise<CaseRun> {
  const { createShell } = await import('../../src/index.js');
  const tmp = tempDir('awsh-conf-');
  const out = new ConsoleText();
  const err: string[] = [];
  const host: ShellHost = {
    width: 120,
    writeHost: (text, options) => (options.noNewline ? out.write(text) : out.line(text)),
    error: (record) => err.push(describeError(record)),
    warning: (message) => err.push(`WARNING: ${message}`),
    verbose: (message) => err.push(`VERBOSE: ${message}`),
    debug: (message) => err.push(`DEBUG: ${message}`),
    // Write-Host records (tag PSHOST) are already shown through writeHost.
    information: (record) => {
      if (!record.Tags.includes('PSHOST')) out.line(String(record.MessageData));
    },
  };
  const shell = createShell({ host, cwd: tmp, env: { ...process.env, AWSH_TEST_TMP: tmp } });
  const outDefault = shell.createOutDefault({ width: 120 });
  const emitChunk = (chunk: string) => {
    if (chunk === '') return;
    out.line(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk);
  };
  try {
    await shell.execute(script, {
      variables: { tmp },
      signal: AbortSignal.timeout(10_000),
      onOutput: (value) => emitChunk(outDefault.write(value)),
    });
    emitChunk(outDefault.flush());
    // The shell reports through host.error; keep its rendering helper reachable for records we format.
    return { stdout: out.lines(), stderr: err.join('\n') };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  function describeError(record: ErrorRecord): string {
    let rendered = '';
    try {
      rendered = shell.formatError(record);
    } catch {
      rendered = '';
    }
    // Ids and messages are listed explicitly so cases can match them whatever the error view shows.
    return [rendered, record.FullyQualifiedErrorId, record.CategoryInfo?.Category, record.Exception?.typeName, String(record)].join('\n');
  }
}
