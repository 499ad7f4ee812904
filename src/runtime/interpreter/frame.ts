// An execution frame: the scope code runs in, where its output goes, and where its other streams go.
import type { Scope } from './scope.js';
import type { Sink } from './pipeline.js';
import type { ErrorRecord } from '../errors.js';
import type { Session } from './session.js';

/** Records written to the non-output streams. Redirections replace these per command. */
export interface Streams {
  error(record: ErrorRecord): void;
  warning(message: string): void;
  verbose(message: string): void;
  debug(message: string): void;
  /** Write-Information and Write-Host (host=true) records. */
  information(record: InformationRecordValue): void;
}

export interface InformationRecordValue {
  MessageData: unknown;
  Tags: string[];
  Source: string;
  TimeGenerated: Date;
  /** Write-Host output: shown by the host even when InformationPreference is SilentlyContinue. */
  isHost: boolean;
  /** Written under SilentlyContinue: kept for redirection, not shown. */
  hidden?: boolean;
  noNewline?: boolean;
  foregroundColor?: string;
  backgroundColor?: string;
}

const TYPE_NAME = Symbol.for('awsh.typeName');

/** Write-Information / Write-Host records (6>&1 puts them in the output). */
export class InformationRecord {
  constructor(
    readonly MessageData: unknown,
    readonly Tags: string[],
    readonly Source: string,
    readonly TimeGenerated: Date,
  ) {}
  toString(): string {
    return String(this.MessageData ?? '');
  }
}
Object.defineProperty(InformationRecord.prototype, TYPE_NAME, { value: 'System.Management.Automation.InformationRecord' });

/** Stream records that end up in the output stream through `3>&1` etc. */
export class WarningRecord {
  constructor(readonly Message: string) {}
  toString(): string {
    return this.Message;
  }
}
Object.defineProperty(WarningRecord.prototype, TYPE_NAME, { value: 'System.Management.Automation.WarningRecord' });
export class VerboseRecord {
  constructor(readonly Message: string) {}
  toString(): string {
    return this.Message;
  }
}
Object.defineProperty(VerboseRecord.prototype, TYPE_NAME, { value: 'System.Management.Automation.VerboseRecord' });
export class DebugRecord {
  constructor(readonly Message: string) {}
  toString(): string {
    return this.Message;
  }
}
Object.defineProperty(DebugRecord.prototype, TYPE_NAME, { value: 'System.Management.Automation.DebugRecord' });

export class Frame {
  constructor(
    public scope: Scope,
    public out: Sink,
    public streams: Streams,
    public readonly session: Session,
    /** Name of the function/script/cmdlet being run, for $MyInvocation and error positions. */
    public commandName: string | null = null,
  ) {}

  /** -ErrorVariable lists of the commands this code runs inside (innermost last): every error written here is
   * added to each. Inherited by the frames of nested commands, not by the other commands of a pipeline. */
  errorVars: unknown[][] | null = null;

  with(out: Sink): Frame {
    const f = new Frame(this.scope, out, this.streams, this.session, this.commandName);
    f.errorVars = this.errorVars;
    return f;
  }

  /** A frame for nested code: same error-variable collectors as this one. */
  child(scope: Scope, out: Sink, streams: Streams, commandName: string | null): Frame {
    const f = new Frame(scope, out, streams, this.session, commandName);
    f.errorVars = this.errorVars;
    return f;
  }
}
