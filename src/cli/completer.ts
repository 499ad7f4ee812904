// Tab completion in the REPL on top of shell.complete. readline's own completer can only append to the typed
// word, so a candidate that changes the word (case, quoting) is put into the line here.
import type { Interface } from 'node:readline';
import type { Shell } from '../api-types.js';

interface ReadlineInternals {
  line: string;
  cursor: number;
  _refreshLine(): void;
}

type Callback = (err: null, result: [string[], string]) => void;

function commonPrefix(items: string[]): string {
  let prefix = items[0] ?? '';
  for (const s of items) {
    let i = 0;
    while (i < prefix.length && i < s.length && prefix[i]!.toLowerCase() === s[i]!.toLowerCase()) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

export function createCompleter(shell: Shell, getRl: () => Interface | null) {
  return (lineBeforeCursor: string, callback: Callback): void => {
    shell.complete(lineBeforeCursor, lineBeforeCursor.length).then(
      ({ start, end, matches }) => {
        const word = lineBeforeCursor.slice(start, end);
        if (matches.length === 0) return callback(null, [[], word]);
        if (matches.every((m) => m.startsWith(word))) return callback(null, [matches, word]);
        // Replace the word itself (e.g. `get-s3bu` → `Get-S3Bucket`, `./my f` → `'./my file.txt'`).
        const replacement = matches.length === 1 ? matches[0]! : commonPrefix(matches);
        const rl = getRl() as unknown as ReadlineInternals | null;
        if (rl && replacement.length >= word.length) {
          rl.line = rl.line.slice(0, start) + replacement + rl.line.slice(end);
          rl.cursor = start + replacement.length;
          rl._refreshLine();
        }
        callback(null, matches.length === 1 ? [[], ''] : [matches, replacement]);
      },
      () => callback(null, [[], lineBeforeCursor]),
    );
  };
}
