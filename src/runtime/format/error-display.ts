// Which view renders an ErrorRecord for display: $ErrorView of the running session (pwsh 7's default is ConciseView).
import type { ErrorRecord } from '../errors.js';
import { errorCategoryText, formatErrorRecord } from './error-view.js';
import { formatErrorRecordConcise } from './concise-error-view.js';

export type ErrorViewName = 'ConciseView' | 'NormalView' | 'CategoryView' | 'DetailedView';

/** The current $ErrorView; the session installs its own (the formatter has no session of its own). */
let errorViewSource: () => unknown = () => 'ConciseView';
export function setErrorViewSource(source: () => unknown): void {
  errorViewSource = source;
}

/** An ErrorRecord as the console shows it under `view` (default: the session's $ErrorView), without a trailing newline. */
export function renderErrorRecord(record: ErrorRecord, view: unknown = errorViewSource()): string {
  switch (String(view ?? '').toLowerCase()) {
    case 'normalview':
      return formatErrorRecord(record);
    case 'categoryview': {
      const id = record.FullyQualifiedErrorId;
      if (id === 'NativeCommandErrorMessage' || id === 'NativeCommandError') return record.Exception.Message;
      return errorCategoryText(record);
    }
    // DetailedView is Get-Error's listing; the concise form is shown instead.
    default:
      return formatErrorRecordConcise(record);
  }
}
