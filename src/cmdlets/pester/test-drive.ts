// `TestDrive:`: paths under the drive map to the current Describe's temporary folder; Pester 4's Setup fills it.
// The session has no drive hook yet (see /tmp/pester-needs.md), so path resolution is wrapped while a block runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import type { Session } from '../../runtime/interpreter/session.js';
import { toStr } from '../../runtime/values/convert.js';
import { itemFromPath } from '../core/fs-items.js';
import { currentBlock, getRunState } from './state.js';
import { sessionOf } from './exec.js';

type Resolver = (p: string) => string;
const ORIGINAL = Symbol('awsh.pester.resolvePath');

export function installTestDrive(session: Session, root: string): () => void {
  const s = session as Session & { [ORIGINAL]?: Resolver };
  const previous = s.resolvePath;
  const base: Resolver = s[ORIGINAL] ?? previous.bind(session);
  s[ORIGINAL] = base;
  s.resolvePath = (p: string): string => {
    const m = /^TestDrive:[\\/]?(.*)$/i.exec(p);
    if (m) return nodePath.join(root, m[1].replace(/\\/g, '/'));
    return base(p);
  };
  return () => {
    s.resolvePath = previous;
    if (previous === (Object.getPrototypeOf(s) as Session).resolvePath) delete s[ORIGINAL];
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
    { name: 'Dir', type: 'switch' },
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
