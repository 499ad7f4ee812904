// Runs scripts through the embedding API and captures what a console would show.
import { createShell } from '../../src/index.js';
import type { ErrorRecord, Shell } from '../../src/api-types.js';

export interface RunResult {
  /** Output objects. */
  output: unknown[];
  /** Output as the console shows it (Out-Default), lines without trailing whitespace. */
  text: string;
  errors: ErrorRecord[];
  warnings: string[];
  host: string;
  exitCode: number | null;
  terminated: boolean;
  shell: Shell;
}

export async function run(script: string, shell?: Shell): Promise<RunResult> {
  const errors: ErrorRecord[] = [];
  const warnings: string[] = [];
  let host = '';
  const sh =
    shell ??
    createShell({
      host: {
        error: (r) => errors.push(r),
        warning: (m) => warnings.push(m),
        writeHost: (t, o) => (host += t + (o.noNewline ? '' : '\n')),
      },
    });
  const r = await sh.execute(script);
  const text = sh
    .format(r.output)
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
  return { output: r.output, text, errors, warnings, host, exitCode: r.exitCode, terminated: r.terminatingError !== null, shell: sh };
}

/** Output objects of a script (throws if it ended with a terminating error). */
export async function out(script: string): Promise<unknown[]> {
  const r = await run(script);
  if (r.terminated) throw new Error(`script failed: ${String(r.errors[0]?.Exception?.Message)}`);
  return r.output;
}
