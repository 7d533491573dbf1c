/**
 * The body of every error response. `code` is stable and machine-readable (e.g. `CHALLENGE_INVALID_STATE`);
 * `message` is zh-CN for people; `details` names the field at fault or, on a 409, the current state.
 */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: ErrorDetails;
  correlationId?: string;
}

export interface ErrorDetails {
  field?: string;
  fields?: { field: string; message: string }[];
  currentState?: string;
  [key: string]: unknown;
}

export type DomainErrorKind = 'validation' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable';

/**
 * A refusal a user can act on, raised by domain rules and use cases (no framework needed to throw it).
 * The HTTP edge maps `kind` to a status: validation 400, unauthenticated 401, forbidden 403, not-found 404,
 * conflict 409, unavailable 503 (a dependency such as the identity provider is down: retry later).
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalidState(code: string, message: string, currentState: string, extra?: ErrorDetails): DomainError {
    return new DomainError('conflict', code, message, { ...extra, currentState });
  }

  static notFound(code: string, message: string, extra?: ErrorDetails): DomainError {
    return new DomainError('not-found', code, message, extra);
  }

  static forbidden(code: string, message: string, extra?: ErrorDetails): DomainError {
    return new DomainError('forbidden', code, message, extra);
  }

  static invalid(code: string, message: string, field: string, extra?: ErrorDetails): DomainError {
    return new DomainError('validation', code, message, { ...extra, field });
  }
}
