// Reading the API's domain error codes out of urql's combined errors.
import type { CombinedError } from '@urql/core';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED';

const CODES: readonly string[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
] satisfies ErrorCode[];

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && CODES.includes(value);
}

/** The first domain error code in `error`, or null (network trouble, unknown errors). */
export function errorCode(error: CombinedError | undefined): ErrorCode | null {
  if (!error) return null;
  for (const graphQLError of error.graphQLErrors) {
    const code = graphQLError.extensions['code'];
    if (isErrorCode(code)) return code;
  }
  return error.response instanceof Response && error.response.status === 401
    ? 'UNAUTHENTICATED'
    : null;
}
