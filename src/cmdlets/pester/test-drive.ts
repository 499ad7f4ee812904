// `TestDrive:`: paths under the drive map to the current Describe's temporary folder; Pester 4's Setup fills it.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import type { Session } from '../../runtime/interpreter/session.js';
import { toStr } from '../../runtime/values/convert.js';
import { itemFromPath } from '../core/fs-items.js';
import { currentBlock, getRunState } from './state.js';
import { sessionOf } from './exec.js';

/** Mount `TestDrive:` at root while a block runs; the returned function restores the enclosing block's drive. */
export function installTestDrive(session: Session, root: string): () => void {
  const previous = session.getDrives().find((d) => d.name.toLowerCase() === 'testdrive');
  session.addDrive('TestDrive', root);
  return () => {
    if (previous) session.addDrive(previous.name, previous.root);
    else session.removeDrive('TestDrive');
  };
}

/**
 * Pester 4's `Setup [-Dir] [-File] <Path> [<Content>] [-PassThru]`: creates a folder or a file (holding Content as
 * written, no newline added) under the current TestDrive, creating missing parent folders as New-Item -Force does.
 */
export const setupDecl: CmdletDecl = {
  name: 'Setup',
  module: 'Pester',
  synopsis: 'Creates a file or folder in the TestDrive.',
  parameters: [
    { name: 'Dir', type: 'switch', aliases: ['Directory'] },
    { name: 'File', type: 'switch' },
    { name: 'Path', type: 'string', position: 0 },
    { name: 'Content', type: 'object', position: 1 },
    { name: 'PassThru', type: 'switch' },
  ],
  end(ctx) {
    const state = getRunState(sessionOf(ctx));
    const drive = state ? currentBlock(state)?.testDrive : null;
    if (!drive) {
      ctx.throwTerminating({ message: 'The Setup command may only be used inside a Describe block.', errorId: 'PesterNotInDescribe', category: 'InvalidOperation' });
    }
    const target = nodePath.join(drive!, String(ctx.params.Path ?? '').replace(/\\/g, '/'));
    let item: unknown = null;
    if (ctx.params.Dir) {
      mkdirSync(target, { recursive: true });
      item = itemFromPath(target);
    }
    if (ctx.params.File) {
      mkdirSync(nodePath.dirname(target), { recursive: true });
      const content = ctx.params.Content;
      writeFileSync(target, content === undefined || content === null ? '' : toStr(content));
      item = itemFromPath(target);
    }
    if (ctx.params.PassThru && item) ctx.write(item);
  },
};
