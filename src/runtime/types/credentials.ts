// System.Security.SecureString and System.Management.Automation.PSCredential: the secret text stays out of
// enumeration, formatting and member access; only ConvertFrom-SecureString -AsPlainText and
// PSCredential.GetNetworkCredential() hand it back, as in pwsh.
const TYPE_NAME = Symbol.for('awsh.typeName');

export class SecureString {
  #text: string;
  #readOnly = false;
  constructor(text = '') {
    this.#text = text;
    Object.defineProperty(this, TYPE_NAME, { value: 'System.Security.SecureString', enumerable: false });
  }
  #change(fn: () => void): void {
    if (this.#readOnly) throw new Error('Instance is read-only.');
    fn();
  }
  get Length(): number {
    return this.#text.length;
  }
  // PascalCase prototype methods are the .NET methods scripts call.
  AppendChar(c: unknown): void {
    this.#change(() => (this.#text += String(c)));
  }
  InsertAt(i: unknown, c: unknown): void {
    this.#change(() => (this.#text = this.#text.slice(0, Number(i)) + String(c) + this.#text.slice(Number(i))));
  }
  RemoveAt(i: unknown): void {
    this.#change(() => (this.#text = this.#text.slice(0, Number(i)) + this.#text.slice(Number(i) + 1)));
  }
  SetAt(i: unknown, c: unknown): void {
    this.#change(() => (this.#text = this.#text.slice(0, Number(i)) + String(c) + this.#text.slice(Number(i) + 1)));
  }
  Clear(): void {
    this.#change(() => (this.#text = ''));
  }
  MakeReadOnly(): void {
    this.#readOnly = true;
  }
  IsReadOnly(): boolean {
    return this.#readOnly;
  }
  Copy(): SecureString {
    return new SecureString(this.#text);
  }
  Dispose(): void {}
  toString(): string {
    return 'System.Security.SecureString';
  }
  /** For the host program and the cmdlets that reveal it on request; scripts can't reach it otherwise. */
  static reveal(s: SecureString): string {
    return s.#text;
  }
}

export class PSCredential {
  constructor(
    readonly UserName: string,
    readonly Password: SecureString,
  ) {
    Object.defineProperty(this, TYPE_NAME, { value: 'System.Management.Automation.PSCredential', enumerable: false });
  }
  /** The password as text, in a System.Net.NetworkCredential (how scripts hand a credential to other tools). */
  GetNetworkCredential(): Record<string | symbol, unknown> {
    return networkCredential(this);
  }
}

function networkCredential(c: PSCredential): Record<string | symbol, unknown> {
  const n: Record<string | symbol, unknown> = { UserName: c.UserName, Password: SecureString.reveal(c.Password), SecurePassword: c.Password, Domain: '' };
  Object.defineProperty(n, TYPE_NAME, { value: 'System.Net.NetworkCredential', enumerable: false });
  return n;
}
