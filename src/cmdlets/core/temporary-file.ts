// New-TemporaryFile: an empty, uniquely named `tmpXXXX.tmp` file in the temporary folder, as a FileInfo.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { UTILITY_MODULE, isPromise } from './util.js';
import { ioError, makeItem } from './fs-items.js';

export const newTemporaryFile: CmdletDecl = {
  name: 'New-TemporaryFile',
  module: UTILITY_MODULE,
  synopsis: 'Creates a temporary file.',
  outputType: ['System.IO.FileInfo'],
  supportsShouldProcess: true,
  parameters: [],
  end(ctx) {
    // Path.GetTempPath(): $TMPDIR, else /tmp.
    const folder = os.tmpdir();
    const go = (ok: boolean) => {
      if (!ok) return;
      for (;;) {
        const file = nodePath.join(folder, `tmp${randomBytes(2).toString('hex').toUpperCase()}.tmp`);
        try {
          // 'wx' fails when the name is taken: pick another.
          fs.closeSync(fs.openSync(file, 'wx'));
        } catch (e) {
          if ((e as { code?: string }).code === 'EEXIST') continue;
          ctx.writeError(ioError(e, file, 'NewTemporaryFileWriteError'));
          return;
        }
        ctx.write(makeItem(file));
        return;
      }
    };
    // The target named to -WhatIf/-Confirm is GetTempPath()'s text, which ends with a separator.
    const r = ctx.shouldProcess(folder + nodePath.sep, 'New-TemporaryFile');
    return isPromise(r) ? r.then(go) : go(r);
  },
};

export const cmdlets: CmdletDecl[] = [newTemporaryFile];
