// $PSVersionTable: pwsh's PSVersionHashTable lists PSVersion, PSEdition, then the other keys alphabetically.
import { release, type, version } from 'node:os';
import { PSHashtable } from '../values/objects.js';
import { PSSemanticVersion, PSVersion } from '../types/index.js';

export function psVersionTable(psVersion: string): PSHashtable {
  const vt = new PSHashtable();
  vt.set('PSVersion', PSSemanticVersion.parse(psVersion) ?? psVersion);
  vt.set('PSEdition', 'Core');
  vt.set('GitCommitId', psVersion);
  // RuntimeInformation.OSDescription: "Linux 6.5.0-… #…" / "Darwin 23.1.0 Darwin Kernel Version …"
  vt.set('OS', process.platform === 'win32' ? `Microsoft Windows ${release()}` : `${type()} ${release()} ${version()}`);
  vt.set('Platform', process.platform === 'win32' ? 'Win32NT' : 'Unix');
  vt.set('PSCompatibleVersions', ['1.0', '2.0', '3.0', '4.0', '5.0', '5.1', '6.0', '7.0'].map((v) => PSVersion.parse(v)!));
  vt.set('PSRemotingProtocolVersion', new PSVersion(2, 3));
  vt.set('SerializationVersion', new PSVersion(1, 1, 0, 1));
  vt.set('WSManStackVersion', new PSVersion(3, 0));
  return vt;
}
