// The error a failed assertion throws: FullyQualifiedErrorId PesterAssertionFailed, positioned at the Should call.
import type { CmdletContext } from '../../runtime/cmdlet-api.js';
import type { Extent } from '../../parser/ast.js';
import { ErrorRecord, PSException, PSRuntimeError, makeInvocationInfo } from '../../runtime/errors.js';
import { sessionOf } from './exec.js';

export function assertionFailure(ctx: CmdletContext, message: string): PSRuntimeError {
  const rec = new ErrorRecord(new PSException(message, 'System.Exception'), 'PesterAssertionFailed', 'InvalidResult', null);
  const extent = (ctx as unknown as { extent?: Extent }).extent;
  const source = sessionOf(ctx).currentSource;
  if (extent && source) rec.InvocationInfo = makeInvocationInfo(extent, source, 'Should');
  const err = new PSRuntimeError(rec);
  // Pester's assertions `throw`: the whole test stops, not just the statement.
  (err as PSRuntimeError & { scriptTerminating?: boolean }).scriptTerminating = true;
  return err;
}

