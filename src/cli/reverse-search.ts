// Ctrl+R reverse history search for node:readline (which has none): `(reverse-i-search)'text': match`.
// Ctrl+R again finds an older match, Enter runs the match, Esc or an arrow key keeps it for editing,
// Ctrl+G or Ctrl+C gives the original line back.
import type { Interface } from 'node:readline';

interface Key {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  sequence?: string;
}

/** The readline internals this relies on (stable across Node 18-22). */
interface ReadlineInternals {
  line: string;
  cursor: number;
  history: string[];
  _ttyWrite(s: string | undefined, key: Key): void;
  _refreshLine(): void;
  getPrompt(): string;
  setPrompt(p: string): void;
}

export function installReverseSearch(rl: Interface): void {
  const r = rl as unknown as ReadlineInternals;
  const original = r._ttyWrite.bind(r);
  let active = false;
  let query = '';
  let index = -1; // position in r.history (newest first) of the shown match
  let savedPrompt = '';
  let savedLine = '';

  const render = () => {
    const match = index >= 0 ? r.history[index]! : '';
    r.setPrompt(`(reverse-i-search)'${query}': `);
    r.line = match;
    r.cursor = Math.max(0, match.toLowerCase().indexOf(query.toLowerCase()));
    r._refreshLine();
  };
  const find = (from: number) => {
    const q = query.toLowerCase();
    for (let i = from; i < r.history.length; i++) if (r.history[i]!.toLowerCase().includes(q)) return i;
    return -1;
  };
  const finish = (line: string) => {
    active = false;
    r.setPrompt(savedPrompt);
    r.line = line;
    r.cursor = line.length;
    r._refreshLine();
  };

  r._ttyWrite = (s, key) => {
    if (!active) {
      if (key?.ctrl && key.name === 'r') {
        active = true;
        query = '';
        index = -1;
        savedPrompt = r.getPrompt();
        savedLine = r.line;
        render();
        return;
      }
      original(s, key);
      return;
    }
    if (key?.ctrl && key.name === 'r') {
      const next = find(index + 1);
      if (next >= 0) index = next;
      render();
      return;
    }
    if ((key?.ctrl && (key.name === 'g' || key.name === 'c')) ) {
      finish(savedLine);
      return;
    }
    if (key?.name === 'return' || key?.name === 'enter') {
      finish(index >= 0 ? r.history[index]! : savedLine);
      original(s, key);
      return;
    }
    if (key?.name === 'backspace') {
      query = query.slice(0, -1);
      index = query ? find(0) : -1;
      render();
      return;
    }
    if (key?.name === 'escape' || key?.name === 'left' || key?.name === 'right' || key?.name === 'up' || key?.name === 'down' || key?.ctrl || key?.meta) {
      finish(index >= 0 ? r.history[index]! : savedLine);
      if (key?.name !== 'escape') original(s, key);
      return;
    }
    if (typeof s === 'string' && s.length > 0 && s >= ' ') {
      query += s;
      const found = find(Math.max(index, 0));
      index = found;
      render();
    }
  };
}
