// The streams and process facts the CLI works with; tests pass their own.

export interface CliOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Is stdin an interactive terminal? Defaults to stdin.isTTY. */
  isTTY?: boolean;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

export function stdinIsTTY(io: CliIO): boolean {
  return io.isTTY ?? io.stdin.isTTY === true;
}

/** Colour only on a terminal and when NO_COLOR is unset (https://no-color.org: an empty value counts as unset). */
export function colorEnabled(stream: CliOutput, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/** Formatting width: the terminal's width, else pwsh's 120 for redirected output. */
export function outputWidth(io: CliIO): number {
  return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 120;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
