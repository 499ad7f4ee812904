// AWS errors as ErrorRecords. AWS Tools reports failures with ThrowTerminatingError(new ErrorRecord(
// new InvalidOperationException(message, inner), inner.GetType().FullName, InvalidResult, target)), so the
// FullyQualifiedErrorId is `<ExceptionType>,<CmdletClass>` and the service details sit on the exception.
import { ErrorRecord, PSException, PSRuntimeError } from '../../../runtime/errors.js';

/** A failure detected by awsh itself (bad arguments, no region, profile not found...). */
export class AwsCmdletError extends Error {
  constructor(
    message: string,
    readonly category: string,
    readonly exceptionType: string,
  ) {
    super(message);
  }
}

export function awsError(message: string, category: string, exceptionType: string): AwsCmdletError {
  return new AwsCmdletError(message, category, exceptionType);
}

/** `Get-S3Bucket` → `Amazon.PowerShell.Cmdlets.S3.GetS3BucketCmdlet` (Common cmdlets live in `...Cmdlets.Common`). */
export function cmdletClassName(cmdletName: string, prefix: string): string {
  return `Amazon.PowerShell.Cmdlets.${prefix}.${cmdletName.replace('-', '')}Cmdlet`;
}

const serviceExceptionTypes: Record<string, string> = {
  S3: 'Amazon.S3.AmazonS3Exception',
  EC2: 'Amazon.EC2.AmazonEC2Exception',
  SQS: 'Amazon.SQS.AmazonSQSException',
  SNS: 'Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceException',
  STS: 'Amazon.SecurityToken.AmazonSecurityTokenServiceException',
  IAM: 'Amazon.IdentityManagement.AmazonIdentityManagementServiceException',
  CW: 'Amazon.CloudWatch.AmazonCloudWatchException',
};

interface SdkLikeError {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
  $response?: { statusCode?: number };
}

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** Converts anything a cmdlet's work threw into the ErrorRecord AWS Tools would produce. */
export function toAwsErrorRecord(err: unknown, cmdletName: string, prefix: string, target: unknown, endpoint?: string): ErrorRecord {
  if (err instanceof PSRuntimeError) return err.errorRecord;
  const cls = cmdletClassName(cmdletName, prefix);
  if (err instanceof AwsCmdletError) {
    const ex = new PSException(err.message, err.exceptionType);
    return new ErrorRecord(ex, `${err.exceptionType},${cls}`, err.category, target ?? null);
  }
  const e = (err ?? {}) as SdkLikeError & Error;
  if (e.name === 'AbortError') {
    const ex = new PSException('The operation was canceled.', 'System.OperationCanceledException');
    return new ErrorRecord(ex, `System.OperationCanceledException,${cls}`, 'OperationStopped', target ?? null);
  }
  const code = e.code ?? (e as { cause?: { code?: string } }).cause?.code;
  if (code && networkCodes.has(code)) {
    const msg = `Unable to connect to the service endpoint${endpoint ? ` '${endpoint}'` : ''}: ${code}${e.message && !e.message.includes(code) ? ` (${e.message})` : ''}.`;
    const ex = new PSException(msg, 'System.Net.Http.HttpRequestException');
    return new ErrorRecord(new PSException(msg, 'System.InvalidOperationException', ex), `System.Net.Http.HttpRequestException,${cls}`, 'InvalidResult', target ?? null);
  }
  if (e.$metadata || e.$fault) {
    const baseType = serviceExceptionTypes[prefix] ?? 'Amazon.Runtime.AmazonServiceException';
    const errorCode = e.name && e.name !== 'Error' ? e.name : (e.Code ?? 'Unknown');
    const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode ?? 0;
    const message = e.message && e.message !== 'UnknownError' ? e.message : errorCode;
    const props = {
      ErrorCode: errorCode,
      StatusCode: httpStatusName(status),
      RequestId: e.$metadata?.requestId ?? '',
      ErrorType: e.$fault === 'client' ? 'Sender' : e.$fault === 'server' ? 'Receiver' : 'Unknown',
    };
    const inner = Object.assign(new PSException(message, baseType), props);
    const outer = Object.assign(new PSException(message, 'System.InvalidOperationException', inner), props);
    return new ErrorRecord(outer, `${baseType},${cls}`, 'InvalidResult', target ?? null);
  }
  const message = e.message || String(err);
  const ex = new PSException(message, 'System.InvalidOperationException');
  return new ErrorRecord(ex, `System.InvalidOperationException,${cls}`, 'InvalidOperation', target ?? null);
}

const statusNames: Record<number, string> = {
  200: 'OK', 204: 'NoContent', 301: 'MovedPermanently', 307: 'TemporaryRedirect', 400: 'BadRequest', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 409: 'Conflict', 412: 'PreconditionFailed', 416: 'RequestedRangeNotSatisfiable',
  429: 'TooManyRequests', 500: 'InternalServerError', 501: 'NotImplemented', 503: 'ServiceUnavailable',
};
/** .NET's HttpStatusCode enum name (how `$_.Exception.StatusCode` prints). */
export function httpStatusName(code: number): string {
  return statusNames[code] ?? String(code);
}

/**
 * The interpreter's flow-control signals (pipeline stopped by Select-Object -First, break, continue, exit) are
 * thrown as non-Error objects; AWS errors are always Errors.
 */
export function isFlowSignal(e: unknown): boolean {
  return e !== null && typeof e === 'object' && !(e instanceof Error) && !('$metadata' in e);
}
