import { describe, expect, it } from 'vitest';
import { matchSwitch, parseArgs } from '../../src/cli/args.js';

function options(argv: string[]) {
  const r = parseArgs(argv);
  if (!r.ok) throw new Error(r.error);
  return r.options;
}

describe('matchSwitch', () => {
  it('accepts case-insensitive unique prefixes and aliases', () => {
    expect(matchSwitch('-c')).toBe('command');
    expect(matchSwitch('-COMMAND')).toBe('command');
    expect(matchSwitch('-Comm')).toBe('command');
    expect(matchSwitch('-f')).toBe('file');
    expect(matchSwitch('-nop')).toBe('noprofile');
    expect(matchSwitch('-NoProf')).toBe('noprofile');
    expect(matchSwitch('-noni')).toBe('noninteractive');
    expect(matchSwitch('-nol')).toBe('nologo');
    expect(matchSwitch('--version')).toBe('version');
    expect(matchSwitch('-v')).toBe('version');
    expect(matchSwitch('-?')).toBe('help');
    expect(matchSwitch('-h')).toBe('help');
    expect(matchSwitch('-ep')).toBe('executionpolicy');
    expect(matchSwitch('-ExecutionPolicy')).toBe('executionpolicy');
    expect(matchSwitch('-of')).toBe('outputformat');
  });

  it('rejects ambiguous or unknown names', () => {
    expect(matchSwitch('-no')).toBeNull();
    expect(matchSwitch('-bogus')).toBeNull();
    expect(matchSwitch('-commandx')).toBeNull();
  });
});

describe('parseArgs', () => {
  it('joins everything after -Command into the script', () => {
    expect(options(['-NoProfile', '-c', 'Write-Output', '1', '2']).mode).toEqual({ kind: 'command', script: 'Write-Output 1 2' });
    expect(options(['-nop', '-c', 'x']).noProfile).toBe(true);
  });

  it('decodes -EncodedCommand (Base64 of UTF-16LE), also as -e and -ec, and rejects bad Base64', () => {
    const encoded = Buffer.from('"a b"; exit 2', 'utf16le').toString('base64');
    for (const flag of ['-EncodedCommand', '-e', '-ec', '-encoded']) {
      const r = parseArgs([flag, encoded]);
      expect(r.ok && r.options.mode).toEqual({ kind: 'command', script: '"a b"; exit 2' });
    }
    const bad = parseArgs(['-ec', 'zz!']);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/-EncodedCommand is not properly encoded/);
    expect(matchSwitch('-ex')).toBe('executionpolicy');
  });

  it('reads the script from stdin for -Command -', () => {
    expect(options(['-Command', '-']).mode).toEqual({ kind: 'stdin' });
  });

  it('takes -File path and the script arguments', () => {
    expect(options(['-File', 's.ps1', 'a1', '-Name', 'v']).mode).toEqual({ kind: 'file', path: 's.ps1', args: ['a1', '-Name', 'v'] });
  });

  it('treats a bare first argument as a script path', () => {
    expect(options(['-NoLogo', 's.ps1', '-c', 'x']).mode).toEqual({ kind: 'file', path: 's.ps1', args: ['-c', 'x'] });
  });

  it('ignores -ExecutionPolicy and accepts -OutputFormat Text', () => {
    const o = options(['-ExecutionPolicy', 'Bypass', '-OutputFormat', 'Text', '-c', '1']);
    expect(o.mode).toEqual({ kind: 'command', script: '1' });
    expect(parseArgs(['-OutputFormat', 'Json']).ok).toBe(false);
  });

  it('defaults to an interactive session', () => {
    const o = options([]);
    expect(o.mode).toEqual({ kind: 'interactive' });
    expect(options(['-Version']).version).toBe(true);
    expect(options(['-?']).help).toBe(true);
  });

  it('reports unknown switches and missing values like pwsh', () => {
    const bad = parseArgs(['-Bogus']);
    expect(bad).toEqual({
      ok: false,
      error: "The argument '-Bogus' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    });
    const missing = parseArgs(['-c']);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toContain('A command must follow -Command.');
  });
});
