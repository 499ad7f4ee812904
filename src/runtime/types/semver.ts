// [semver] (System.Management.Automation.SemanticVersion): $PSVersionTable.PSVersion's type.
// Parsing and precedence follow SemVer 2.0 as pwsh's PSVersionInfo.cs implements it.
import { PSVersion } from './simple-values.js';

const LABEL_UNIT = /^((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)$/;
const BUILD_UNIT = /^([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)$/;
const LABEL = /^(?<pre>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+(?<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export class PSSemanticVersion {
  readonly PreReleaseLabel: string | null;
  readonly BuildLabel: string | null;
  constructor(
    readonly Major: number,
    readonly Minor = 0,
    readonly Patch = 0,
    preReleaseLabel: string | null = null,
    buildLabel: string | null = null,
  ) {
    this.PreReleaseLabel = preReleaseLabel || null;
    this.BuildLabel = buildLabel || null;
  }

  /** The (major, minor, patch, label) constructor: label is 'pre+build'. Null when the label is malformed. */
  static withLabel(major: number, minor: number, patch: number, label: string): PSSemanticVersion | null {
    if (!label) return new PSSemanticVersion(major, minor, patch);
    const m = LABEL.exec(label);
    return m ? new PSSemanticVersion(major, minor, patch, m.groups!.pre ?? null, m.groups!.build ?? null) : null;
  }

  static validLabels(pre: string | null, build: string | null): boolean {
    return (!pre || LABEL_UNIT.test(pre)) && (!build || BUILD_UNIT.test(build));
  }

  /** SemanticVersion.TryParse: 'major[.minor[.patch]][-pre][+build]'; null when malformed. */
  static parse(text: string): PSSemanticVersion | null {
    if (!text || /[-+.]$/.test(text)) return null;
    let dash = text.indexOf('-');
    const plus = text.indexOf('+');
    let core: string;
    let pre: string | null = null;
    let build: string | null = null;
    if (dash > plus) {
      if (plus === -1) {
        pre = text.slice(dash + 1);
        core = text.slice(0, dash);
      } else {
        build = text.slice(plus + 1);
        core = text.slice(0, plus);
        dash = -1;
      }
    } else if (plus === -1) core = text;
    else if (dash === -1) {
      build = text.slice(plus + 1);
      core = text.slice(0, plus);
    } else {
      pre = text.slice(dash + 1, plus);
      build = text.slice(plus + 1);
      core = text.slice(0, dash);
    }
    if ((dash !== -1 && !pre) || (plus !== -1 && !build) || !core) return null;
    const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(core);
    if (!m) return null;
    const n = [m[1], m[2], m[3]].map((x) => (x === undefined ? 0 : Number(x)));
    if (n.some((x) => x > 0x7fffffff)) return null;
    if (!PSSemanticVersion.validLabels(pre, build)) return null;
    return new PSSemanticVersion(n[0]!, n[1]!, n[2]!, pre, build);
  }

  /** SemanticVersion(Version): Build -1 is patch 0; a revision is not allowed (null). */
  static fromVersion(v: PSVersion): PSSemanticVersion | null {
    if (v.Revision > 0) return null;
    return new PSSemanticVersion(v.Major, v.Minor, v.Build < 0 ? 0 : v.Build);
  }

  /** The implicit conversion to [version]: major.minor.patch, labels dropped. */
  toVersion(): PSVersion {
    return new PSVersion(this.Major, this.Minor, this.Patch);
  }

  /** Comparison operators convert the right operand to [semver] (a [version] or a string). */
  static coerce(o: unknown): PSSemanticVersion | null {
    if (o instanceof PSSemanticVersion) return o;
    if (o instanceof PSVersion) return PSSemanticVersion.fromVersion(o);
    if (typeof o === 'string') return PSSemanticVersion.parse(o);
    return null;
  }

  compareTo(o: unknown): number {
    if (o === null || o === undefined) return 1;
    const v = PSSemanticVersion.coerce(o);
    if (!v) throw new TypeError(`Cannot compare SemanticVersion with ${String(o)}`);
    if (this.Major !== v.Major) return this.Major > v.Major ? 1 : -1;
    if (this.Minor !== v.Minor) return this.Minor > v.Minor ? 1 : -1;
    if (this.Patch !== v.Patch) return this.Patch > v.Patch ? 1 : -1;
    return comparePreLabel(this.PreReleaseLabel, v.PreReleaseLabel);
  }

  /** Build metadata is ignored, as SemVer requires. */
  equals(o: unknown): boolean {
    const v = PSSemanticVersion.coerce(o);
    return v !== null && v.Major === this.Major && v.Minor === this.Minor && v.Patch === this.Patch && (v.PreReleaseLabel ?? '') === (this.PreReleaseLabel ?? '');
  }

  toString(): string {
    let s = `${this.Major}.${this.Minor}.${this.Patch}`;
    if (this.PreReleaseLabel) s += `-${this.PreReleaseLabel}`;
    if (this.BuildLabel) s += `+${this.BuildLabel}`;
    return s;
  }
}

/** SemVer 2.0 §11: a pre-release sorts before the release; numeric units compare as numbers and before text units. */
function comparePreLabel(a: string | null, b: string | null): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  const ua = a.split('.');
  const ub = b.split('.');
  for (let i = 0; i < Math.min(ua.length, ub.length); i++) {
    const x = ua[i]!;
    const y = ub[i]!;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      if (+x !== +y) return +x < +y ? -1 : 1;
    } else {
      if (nx) return -1;
      if (ny) return 1;
      if (x !== y) return x < y ? -1 : 1;
    }
  }
  return ua.length === ub.length ? 0 : ua.length < ub.length ? -1 : 1;
}
