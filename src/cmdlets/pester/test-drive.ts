// `TestDrive:`: paths under the drive map to the current Describe's temporary folder.
// The session has no drive hook yet (see /tmp/pester-needs.md), so path resolution is wrapped while a block runs.
import * as nodePath from 'node:path';
import type { Session } from '../../runtime/interpreter/session.js';

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
