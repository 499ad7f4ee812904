// Loads AWS SDK packages with require(), not import(). The SDK ships CommonJS; when it is import()ed, Node 20
// routes every nested require() through the ESM loader (format detection, cjs-module-lexer export scans on each
// file), which makes the first AWS call ~40% slower than a plain require of the same client.
import { packageRequire } from '../../../runtime/node-builtins.js';

/** A CommonJS SDK package (`@aws-sdk/client-s3`, `@smithy/core/schema`, ...), loaded synchronously and cached by Node. */
export function requireSdk<T = Record<string, any>>(name: string): T {
  return packageRequire(name) as T;
}

/** requireSdk as a promise, for callers that treat loading as asynchronous (a failure becomes a rejection). */
export function loadSdk<T = Record<string, any>>(name: string): Promise<T> {
  try {
    return Promise.resolve(requireSdk<T>(name));
  } catch (e) {
    return Promise.reject(e);
  }
}
