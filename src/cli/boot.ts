// The CLI's entry (bin/awsh.js requires dist/boot.cjs): loads the CLI bundle with its code cache and runs it.
import { join } from 'node:path';
import { loadBundle } from './bundle-loader.js';

export function run(distDir: string, argv: string[]): Promise<number> {
  const cli = loadBundle(join(distDir, 'cli.cjs')) as { main(argv: string[]): Promise<number> };
  return cli.main(argv);
}
