// Parses conformance case files: `=== name`, script lines, optional `--- output` and `--- error` sections.
export interface ConformanceCase {
  /** Unique across all case files. */
  name: string;
  /** Case file base name (the area), e.g. `operators`. */
  area: string;
  /** 1-based line of the `===` header, for messages. */
  line: number;
  script: string;
  /** Expected stdout lines (empty when the case expects no output). */
  output: string[];
  /** Substrings that must each appear in the rendered error text. */
  errors: string[];
}

type Section = 'script' | 'output' | 'error';

export function parseCaseFile(text: string, area: string): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  let current: { name: string; line: number; script: string[]; output: string[]; errors: string[] } | null = null;
  let section: Section = 'script';
  const finish = () => {
    if (!current) return;
    cases.push({
      name: current.name,
      area,
      line: current.line,
      script: trimBlankEnds(current.script).join('\n'),
      output: trimBlankEnds(current.output.map((l) => l.trimEnd())),
      errors: current.errors.map((l) => l.trim()).filter((l) => l !== ''),
    });
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.startsWith('=== ')) {
      finish();
      current = { name: line.slice(4).trim(), line: i + 1, script: [], output: [], errors: [] };
      section = 'script';
    } else if (current && line.trimEnd() === '--- output') {
      section = 'output';
    } else if (current && line.trimEnd() === '--- error') {
      section = 'error';
    } else if (current) {
      if (section === 'script') current.script.push(line);
      else if (section === 'output') current.output.push(line);
      else current.errors.push(line);
    }
  });
  finish();
  return cases;
}

/** Drops leading and trailing blank lines (pwsh's tables start with one; files end with some). */
export function trimBlankEnds(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}
