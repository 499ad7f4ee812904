// Cmdlets that talk to the user through the host: Read-Host and Get-Credential. Without a host that can read
// (host.readLine), they fail the way pwsh -NonInteractive does.
import type { CmdletContext, CmdletDecl } from '../runtime/cmdlet-api.js';

const TYPE_NAME = Symbol.for('awsh.typeName');

/** System.Security.SecureString: the text is kept out of enumeration, formatting and member access. */
export class SecureString {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
    Object.defineProperty(this, TYPE_NAME, { value: 'System.Security.SecureString', enumerable: false });
  }
  get Length(): number {
    return this.#text.length;
  }
  toString(): string {
    return 'System.Security.SecureString';
  }
  /** For the host program only (e.g. handing a password to an SDK); scripts can't reach it. */
  static reveal(s: SecureString): string {
    return s.#text;
  }
}

/** System.Management.Automation.PSCredential. */
export class PSCredential {
  constructor(
    readonly UserName: string,
    readonly Password: SecureString,
  ) {
    Object.defineProperty(this, TYPE_NAME, { value: 'System.Management.Automation.PSCredential', enumerable: false });
  }
}

function readLineOrFail(ctx: CmdletContext): NonNullable<CmdletContext['host']['readLine']> {
  const read = ctx.host.readLine;
  if (!read) {
    ctx.throwTerminating({
      message: 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
      errorId: 'System.Management.Automation.PSInvalidOperationException',
      category: 'InvalidOperation',
      exceptionType: 'System.Management.Automation.PSInvalidOperationException',
    });
  }
  return read.bind(ctx.host);
}

const readHost: CmdletDecl = {
  name: 'Read-Host',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Reads a line of input from the console.',
  description: 'Reads a line typed by the user. With -AsSecureString or -MaskInput, the typed characters show as asterisks.',
  outputType: ['System.String', 'System.Security.SecureString'],
  defaultParameterSet: 'AsString',
  parameters: [
    { name: 'Prompt', type: 'object', position: 0, valueFromRemainingArguments: true, description: 'The text of the prompt; a colon is appended.' },
    { name: 'AsSecureString', type: 'switch', parameterSets: ['AsSecureString'], description: 'Masks the input and returns a SecureString.' },
    { name: 'MaskInput', type: 'switch', parameterSets: ['AsString'], description: 'Masks the input and returns a string.' },
  ],
  async end(ctx) {
    const read = readLineOrFail(ctx);
    const raw = ctx.params.Prompt;
    const text = raw === undefined || raw === null ? '' : Array.isArray(raw) ? raw.map(String).join(' ') : String(raw);
    const secret = !!ctx.params.AsSecureString || !!ctx.params.MaskInput;
    const answer = await read(text ? `${text}: ` : '', { secret });
    await ctx.write(ctx.params.AsSecureString ? new SecureString(answer) : answer);
  },
};

const getCredential: CmdletDecl = {
  name: 'Get-Credential',
  module: 'Microsoft.PowerShell.Security',
  synopsis: 'Gets a credential object based on a user name and password.',
  description: 'Asks for a user name (unless -UserName is given) and a password, and returns a PSCredential.',
  outputType: ['System.Management.Automation.PSCredential'],
  parameters: [
    { name: 'Credential', type: 'object', position: 0, parameterSets: ['CredentialSet'], description: 'A user name, or an existing credential (returned as is).' },
    { name: 'Message', type: 'string', parameterSets: ['MessageSet'], description: 'The message shown above the prompt.' },
    { name: 'UserName', type: 'string', position: 1, parameterSets: ['MessageSet'], description: 'The user name to ask a password for.' },
    { name: 'Title', type: 'string', parameterSets: ['MessageSet'], description: 'The title shown above the message.' },
  ],
  defaultParameterSet: 'CredentialSet',
  async end(ctx) {
    const given = ctx.params.Credential;
    if (given instanceof PSCredential) {
      await ctx.write(given);
      return;
    }
    const read = readLineOrFail(ctx);
    ctx.host.writeHost(ctx.params.Title ?? 'PowerShell credential request');
    ctx.host.writeHost(ctx.params.Message ?? 'Enter your credentials.');
    let user = ctx.params.UserName ?? (given !== undefined && given !== null ? String(given) : '');
    if (!user) user = await read('User: ');
    const password = await read(`Password for user ${user}: `, { secret: true });
    await ctx.write(new PSCredential(user, new SecureString(password)));
  },
};

export const hostCmdlets: CmdletDecl[] = [readHost, getCredential];
