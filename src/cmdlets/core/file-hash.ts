// Get-FileHash: a file's hash with one of the algorithms .NET's HashAlgorithm names (no -InputStream: awsh has no
// System.IO.Stream objects).
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { TYPE_NAME } from '../../runtime/types/index.js';
import { UTILITY_MODULE } from './util.js';
import { ioError, pathNotFound, resolveFsPaths } from './fs-items.js';

/** Microsoft.PowerShell.Commands.FileHashInfo. */
export class FileHashInfo {
  readonly [TYPE_NAME] = 'Microsoft.PowerShell.Commands.FileHashInfo';
  constructor(
    readonly Algorithm: string,
    readonly Hash: string,
    readonly Path: string,
  ) {}
}

// -Algorithm's names and Node's digests for them.
const ALGORITHMS: Record<string, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512', MD5: 'md5' };

function hashOf(algorithm: string, data: Uint8Array): string {
  return createHash(ALGORITHMS[algorithm]!).update(data).digest('hex').toUpperCase();
}

function hashFile(ctx: CmdletContext, algorithm: string, file: string): void {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    // A folder cannot be opened as a file: .NET reports UnauthorizedAccess.
    const code = (e as { code?: string }).code;
    const errorId = code === 'EISDIR' || code === 'EACCES' || code === 'EPERM' ? 'UnauthorizedAccessError' : 'FileReadError';
    ctx.writeError({ ...ioError(e, file, errorId, 'ReadError'), targetObject: file });
    return;
  }
  ctx.write(new FileHashInfo(algorithm, hashOf(algorithm, data), file));
}

export const getFileHash: CmdletDecl = {
  name: 'Get-FileHash',
  module: UTILITY_MODULE,
  synopsis: 'Computes the hash value for a file by using a specified hash algorithm.',
  defaultParameterSet: 'Path',
  outputType: ['Microsoft.PowerShell.Commands.FileHashInfo'],
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
    { name: 'Algorithm', type: 'string', position: 1, validateSet: Object.keys(ALGORITHMS) },
  ],
  process(ctx) {
    const algorithm = String(ctx.params.Algorithm ?? 'SHA256').toUpperCase();
    const literal = ctx.parameterSetName === 'LiteralPath';
    for (const raw of (literal ? ctx.params.LiteralPath : ctx.params.Path) as string[]) {
      const files = resolveFsPaths(ctx, raw, { literal, allowMissing: true });
      for (const file of files) {
        if (!fs.existsSync(file)) {
          ctx.writeError({ ...pathNotFound(file), errorId: 'FileNotFound' });
          continue;
        }
        hashFile(ctx, algorithm, file);
      }
    }
  },
};

export const cmdlets: CmdletDecl[] = [getFileHash];
