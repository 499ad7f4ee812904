// Console cell widths (pwsh's LengthInBufferCells): East Asian wide and fullwidth characters take two cells, so
// tables and lists pad and truncate by cells, not by characters.

/** Cells one UTF-16 code unit takes (the wcwidth ranges pwsh's console host uses). */
function charCells(c: number): number {
  const wide =
    c >= 0x1100 &&
    (c <= 0x115f || // Hangul Jamo initial consonants
      c === 0x2329 ||
      c === 0x232a ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) || // CJK … Yi
      (c >= 0xac00 && c <= 0xd7a3) || // Hangul syllables
      (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
      (c >= 0xfe10 && c <= 0xfe19) || // vertical forms
      (c >= 0xfe30 && c <= 0xfe6f) || // CJK compatibility forms
      (c >= 0xff00 && c <= 0xff60) || // fullwidth forms
      (c >= 0xffe0 && c <= 0xffe6));
  return wide ? 2 : 1;
}

/** Cells a string takes on the console. */
export function cellWidth(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x1100) n += charCells(s.charCodeAt(i)) - 1;
  return n;
}

/** The longest prefix of `s` that fits in `cells` cells. */
export function headCells(s: string, cells: number): string {
  let used = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const w = charCells(s.charCodeAt(i));
    if (used + w > cells) break;
    used += w;
  }
  return s.slice(0, i);
}

/** The longest suffix of `s` that fits in `cells` cells. */
export function tailCells(s: string, cells: number): string {
  let used = 0;
  let i = s.length;
  for (; i > 0; i--) {
    const w = charCells(s.charCodeAt(i - 1));
    if (used + w > cells) break;
    used += w;
  }
  return s.slice(i);
}
