// System.IO.Path.ChangeExtension on Unix: the extension is the text after the last '.' of the last path segment.
// A null extension removes it (with its dot); any other is appended after exactly one dot.
export function changeExtension(path: string, extension: string | null): string {
  const m = /\.[^./]*$/.exec(path);
  const base = m ? path.slice(0, m.index) : path;
  if (extension === null) return base;
  return base + (extension.startsWith('.') ? '' : '.') + extension;
}
