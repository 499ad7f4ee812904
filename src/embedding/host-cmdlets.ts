// Cmdlets that talk to the user through the host: Read-Host and Get-Credential. Without a host that can read
// (host.readLine), they fail the way pwsh -NonInteractive does.
import type { CmdletContext, CmdletDecl } from '../runtime/cmdlet-api.js';

import { PSCredential, SecureString } from '../runtime/types/credentials.js';

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

/**
 * The "encrypted standard string" of a SecureString without a key. Off Windows pwsh has no DPAPI, and the string
 * is the text's UTF-16LE bytes in hex, which ConvertTo-SecureString reads back.
 */
function standardString(text: string): string {
  return Buffer.from(text, 'utf16le').toString('hex');
}

function fromStandardString(ctx: CmdletContext, s: string): string {
  if (!/^([0-9a-f]{4})*$/i.test(s)) {
    ctx.throwTerminating({
      message: 'The input string was not in a correct format.',
      errorId: 'ImportSecureString',
      category: 'InvalidArgument',
      exceptionType: 'System.FormatException',
      targetObject: s,
    });
  }
  return Buffer.from(s, 'hex').toString('utf16le');
}

const keyNotSupported = (ctx: CmdletContext) =>
  ctx.throwTerminating({ message: 'Encryption with -Key or -SecureKey is not supported by awsh.', errorId: 'KeyNotSupported', category: 'NotImplemented', exceptionType: 'System.NotSupportedException' });

const convertToSecureString: CmdletDecl = {
  name: 'ConvertTo-SecureString',
  module: 'Microsoft.PowerShell.Security',
  synopsis: 'Converts plain text or encrypted strings to secure strings.',
  outputType: ['System.Security.SecureString'],
  defaultParameterSet: 'Secure',
  parameters: [
    { name: 'String', type: 'string', position: 0, mandatory: true, valueFromPipeline: true },
    { name: 'AsPlainText', type: 'switch', parameterSets: ['PlainText'] },
    { name: 'Force', type: 'switch', parameterSets: ['PlainText'] },
    { name: 'SecureKey', type: 'object', parameterSets: ['Secure'] },
    { name: 'Key', type: 'byte[]', parameterSets: ['Open'] },
  ],
  process(ctx) {
    if (ctx.isBound('Key') || ctx.isBound('SecureKey')) keyNotSupported(ctx);
    const text = String(ctx.params.String ?? '');
    return ctx.write(new SecureString(ctx.params.AsPlainText ? text : fromStandardString(ctx, text)));
  },
};

const convertFromSecureString: CmdletDecl = {
  name: 'ConvertFrom-SecureString',
  module: 'Microsoft.PowerShell.Security',
  synopsis: 'Converts a secure string to an encrypted standard string.',
  outputType: ['System.String'],
  defaultParameterSet: 'Secure',
  parameters: [
    { name: 'SecureString', type: 'object', position: 0, mandatory: true, valueFromPipeline: true },
    { name: 'AsPlainText', type: 'switch', parameterSets: ['AsPlainText'] },
    { name: 'SecureKey', type: 'object', parameterSets: ['Secure'] },
    { name: 'Key', type: 'byte[]', parameterSets: ['Open'] },
  ],
  process(ctx) {
    if (ctx.isBound('Key') || ctx.isBound('SecureKey')) keyNotSupported(ctx);
    const v = ctx.params.SecureString;
    const s = v instanceof SecureString ? v : (v as { baseObject?: unknown } | null)?.baseObject;
    if (!(s instanceof SecureString)) {
      return ctx.throwTerminating({
        message: `Cannot bind parameter 'SecureString'. Cannot convert the "${String(v)}" value of type "${typeof v === 'string' ? 'System.String' : 'System.Object'}" to type "System.Security.SecureString".`,
        errorId: 'CannotConvertArgumentNoMessage',
        category: 'InvalidArgument',
        exceptionType: 'System.Management.Automation.ParameterBindingException',
      });
    }
    const text = SecureString.reveal(s);
    return ctx.write(ctx.params.AsPlainText ? text : standardString(text));
  },
};

export const hostCmdlets: CmdletDecl[] = [readHost, getCredential, convertToSecureString, convertFromSecureString];
