/** The services' error body (libs/contracts ApiErrorBody): a stable code, a zh-CN message, the field or state at fault. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: {
    field?: string;
    fields?: { field: string; message: string }[];
    currentState?: string;
    [key: string]: unknown;
  };
  correlationId?: string;
}

/** A refused request, worded as the service worded it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }

  get currentState(): string | undefined {
    return this.body.details?.currentState;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string' && typeof (value as ApiErrorBody).message === 'string';
}

/**
 * The data of an openapi-fetch result, or its error as an ApiError. The services' documents describe requests but not
 * yet responses, so the caller names the response shape it reads (see responses.ts).
 */
export async function unwrap<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = isErrorBody(error)
    ? error
    : { code: `HTTP_${response.status}`, message: response.status >= 500 ? '服务暂时不可用，请稍后重试' : `请求失败（HTTP ${response.status}）` };
  throw new ApiError(response.status, body);
}

/** A field path as the API names it ("indicators.0") → the form's name path (["indicators", 0]). */
export function namePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * What a 400 says about each field, for the form to highlight: every listed field with its message, or the one
 * `details.field` with the error's message. Fields the form does not have are left to the error's own message.
 */
export function fieldErrors(error: ApiError, formFields: readonly string[]): FieldError[] {
  const listed = error.body.details?.fields ?? (error.body.details?.field ? [{ field: error.body.details.field, message: error.message }] : []);
  const byField = new Map<string, FieldError>();
  for (const { field, message } of listed) {
    const name = namePath(field);
    if (!formFields.includes(String(name[0]))) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  }
  return [...byField.values()];
}
