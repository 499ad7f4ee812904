// Temporary directories for tests, removed when the test file's tests are done (vitest runs each file's
// top-level hooks, and this module is imported per file), so test runs do not fill /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A new empty directory under the OS temp dir, named `<prefix>XXXXXX`. */
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}
