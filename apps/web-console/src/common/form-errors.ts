import type { FormInstance } from 'antd';
import { ApiError, fieldErrors } from '../api/errors';

/** A refusal's field errors onto the form (the field the API named gets its message); other errors are left alone. */
export function showFieldErrors(form: FormInstance, error: unknown, formFields: readonly string[]): void {
  if (error instanceof ApiError) form.setFields(fieldErrors(error, formFields) as Parameters<FormInstance['setFields']>[0]);
}
