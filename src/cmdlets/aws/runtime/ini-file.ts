// The AWS shared credentials/config files: a line-preserving INI model (comments and unknown sections survive
// edits), atomic writes (temp file + rename, mode 0600) and a cross-process lock so concurrent writers don't
// lose each other's profiles. Reading goes through the SDK providers; this module exists only for writing and listing.
import { promises as fsp, readFileSync, existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { homedir } from 'node:os';

export class IniFormatError extends Error {
  constructor(readonly file: string, readonly line: number, text: string) {
    super(`The file '${file}' is malformed at line ${line}: '${text.trim()}' is not a section header, a 'key = value' pair or a comment.`);
  }
}

interface IniLine {
  text: string;
  section: string | null; // section this line belongs to (null before the first header)
  key?: string; // lower-cased key for key=value lines
  header?: boolean;
}

export class IniDocument {
  constructor(readonly file: string, readonly lines: IniLine[]) {}

  static parse(text: string, file: string): IniDocument {
    const lines: IniLine[] = [];
    let section: string | null = null;
    let lastWasKey = false;
    const raw = text.split(/\r?\n/);
    if (raw.length && raw[raw.length - 1] === '') raw.pop();
    raw.forEach((t, i) => {
      const s = t.trim();
      if (s === '' || s.startsWith('#') || s.startsWith(';')) {
        lines.push({ text: t, section });
        return;
      }
      const h = /^\[\s*([^\]]+?)\s*\]\s*([#;].*)?$/.exec(s);
      if (h) {
        section = h[1]!;
        lines.push({ text: t, section, header: true });
        lastWasKey = false;
        return;
      }
      const kv = /^([^=\s][^=]*?)\s*=(.*)$/.exec(s);
      if (kv && section !== null && !/^\s/.test(t)) {
        lines.push({ text: t, section, key: kv[1]!.toLowerCase() });
        lastWasKey = true;
        return;
      }
      // An indented line after a key is a nested value (e.g. `s3 =` then `  max_concurrent_requests = 20`).
      if (/^\s/.test(t) && lastWasKey) {
        lines.push({ text: t, section });
        return;
      }
      throw new IniFormatError(file, i + 1, t);
    });
    return new IniDocument(file, lines);
  }

  sections(): string[] {
    const out: string[] = [];
    for (const l of this.lines) if (l.header && l.section !== null && !out.includes(l.section)) out.push(l.section);
    return out;
  }

  hasSection(name: string): boolean {
    return this.lines.some((l) => l.header && l.section === name);
  }

  get(section: string, key: string): string | undefined {
    const k = key.toLowerCase();
    for (const l of this.lines) if (l.section === section && l.key === k) return l.text.slice(l.text.indexOf('=') + 1).trim();
    return undefined;
  }

  getAll(section: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const l of this.lines) if (l.section === section && l.key) out[l.key] = l.text.slice(l.text.indexOf('=') + 1).trim();
    return out;
  }

  /** Sets (or, with `undefined`, removes) keys in a section, creating the section at the end if needed. */
  setValues(section: string, values: Record<string, string | undefined>): void {
    if (!this.hasSection(section)) {
      if (this.lines.length && this.lines[this.lines.length - 1]!.text.trim() !== '') this.lines.push({ text: '', section: this.lines[this.lines.length - 1]!.section });
      this.lines.push({ text: `[${section}]`, section, header: true });
    }
    for (const [key, value] of Object.entries(values)) {
      const k = key.toLowerCase();
      const idx = this.lines.findIndex((l) => l.section === section && l.key === k);
      if (value === undefined) {
        if (idx >= 0) this.lines.splice(idx, 1);
      } else if (idx >= 0) {
        this.lines[idx] = { text: `${key} = ${value}`, section, key: k };
      } else {
        // insert after the section's last key/value line
        let at = this.lines.findIndex((l) => l.header && l.section === section);
        for (let i = at + 1; i < this.lines.length && this.lines[i]!.section === section && !this.lines[i]!.header; i++) {
          if (this.lines[i]!.text.trim() !== '') at = i;
        }
        this.lines.splice(at + 1, 0, { text: `${key} = ${value}`, section, key: k });
      }
    }
  }

  /** Removes a section and its lines (comments directly inside it too). */
  removeSection(section: string): boolean {
    const before = this.lines.length;
    const kept = this.lines.filter((l) => l.section !== section);
    this.lines.length = 0;
    this.lines.push(...kept);
    return kept.length !== before;
  }

  toString(): string {
    return this.lines.map((l) => l.text).join('\n') + (this.lines.length ? '\n' : '');
  }
}

export function readIniIfExists(file: string): IniDocument {
  if (!existsSync(file)) return new IniDocument(file, []);
  return IniDocument.parse(readFileSync(file, 'utf8'), file);
}

/** Paths of the shared files, honouring AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE. */
export function sharedCredentialsFile(env: Record<string, string | undefined> = process.env): string {
  return env.AWS_SHARED_CREDENTIALS_FILE || join(env.HOME || homedir(), '.aws', 'credentials');
}
export function sharedConfigFile(env: Record<string, string | undefined> = process.env): string {
  return env.AWS_CONFIG_FILE || join(env.HOME || homedir(), '.aws', 'config');
}

const LOCK_STALE_MS = 10_000;

/** Runs `fn` holding an exclusive lock file next to `file` (works across processes: O_EXCL create). */
export async function withFileLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  await fsp.mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + 30_000;
  for (let attempt = 0; ; attempt++) {
    try {
      const h = await fsp.open(lock, 'wx', 0o600);
      await h.writeFile(String(process.pid));
      await h.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a crashed process is broken after LOCK_STALE_MS.
      const st = await fsp.stat(lock).catch(() => null);
      if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) await fsp.rm(lock, { force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock on '${file}' (remove '${lock}' if no other process is writing it).`);
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 + Math.min(attempt, 20)));
    }
  }
  try {
    return await fn();
  } finally {
    await fsp.rm(lock, { force: true });
  }
}

/** Read-modify-write an INI file under the lock; written atomically with mode 0600. */
export async function updateIniFile(file: string, edit: (doc: IniDocument) => void): Promise<void> {
  await withFileLock(file, async () => {
    const text = await fsp.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    const doc = IniDocument.parse(text, file);
    edit(doc);
    const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
    await fsp.writeFile(tmp, doc.toString(), { mode: 0o600 });
    await fsp.chmod(tmp, 0o600);
    await fsp.rename(tmp, file);
  });
}
