// Character classes of the PowerShell tokenizer.

export function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x85;
}

export function isNewline(c: number): boolean {
  return c === 10 || c === 13;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(String.fromCharCode(c)));
}

/** Letters, digits and `_` (identifiers and member names in expression mode). */
export function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 || (c > 127 && /\p{N}/u.test(String.fromCharCode(c)));
}

/** Variable name characters outside strings: `?` is one (so `$a?.b` is the variable `a?`, as in pwsh). */
export function isVarChar(c: number, inString: boolean): boolean {
  return isWordChar(c) || (c === 63 && !inString);
}

/** Characters that end a bareword (generic token) in command mode. */
export function isCmdTerminator(c: number): boolean {
  switch (c) {
    case 32: case 9: case 10: case 13: case 11: case 12:
    case 59: // ;
    case 44: // ,
    case 124: // |
    case 38: // &
    case 40: case 41: // ( )
    case 123: case 125: // { }
    case 62: // >
      return true;
    default:
      return isWs(c);
  }
}

export function escapeChar(ch: string): string {
  switch (ch) {
    case '0': return '\0';
    case 'a': return '\x07';
    case 'b': return '\b';
    case 'e': return '\x1b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return ch;
  }
}
