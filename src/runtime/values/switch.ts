// System.Management.Automation.SwitchParameter: what a [switch] parameter holds in a script (`$s.IsPresent`, `[bool]$s`).

/** A switch value. Immutable; the two instances are shared. */
export class PSSwitch {
  private constructor(private readonly _present: boolean) {}
  static readonly PRESENT = new PSSwitch(true);
  static readonly ABSENT = new PSSwitch(false);
  static of(present: boolean): PSSwitch {
    return present ? PSSwitch.PRESENT : PSSwitch.ABSENT;
  }
  get IsPresent(): boolean {
    return this._present;
  }
  /** SwitchParameter.ToString() is IsPresent's: `True` / `False`. */
  toString(): string {
    return this._present ? 'True' : 'False';
  }
  /** SwitchParameter.Equals: equal to a bool or switch of the same value, nothing else. */
  equals(o: unknown): boolean {
    if (typeof o === 'boolean') return o === this._present;
    return o instanceof PSSwitch && o._present === this._present;
  }
}
