import type { FastifyRequest } from 'fastify';
import type { MessageKey } from './i18n/index.js';

/** One problem with one field, translated by the template into the person's language. */
export type FieldError = { key: MessageKey; params?: Record<string, string | number> };
export type FieldErrors<Field extends string = string> = Partial<Record<Field, FieldError>>;

/** Reads a form value as trimmed text; absent or non-text values become ''. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function requiredText(value: string, max: number): FieldError | undefined {
  if (value === '') return { key: 'form.error.required' };
  if ([...value].length > max) return { key: 'form.error.tooLong', params: { max } };
  return undefined;
}

// Deliberately simple: one @, something before, a dot-free-or-dotted domain after, no spaces.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

export function emailAddress(value: string): FieldError | undefined {
  if (value === '') return { key: 'form.error.required' };
  if (value.length > 254) return { key: 'form.error.tooLong', params: { max: 254 } };
  if (!EMAIL.test(value)) return { key: 'form.error.email' };
  return undefined;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function newPassword(value: unknown): FieldError | undefined {
  // Passwords are not trimmed: spaces are legitimate characters in a passphrase.
  const password = typeof value === 'string' ? value : '';
  if (password === '') return { key: 'form.error.required' };
  if ([...password].length < PASSWORD_MIN)
    return { key: 'form.error.tooShort', params: { min: PASSWORD_MIN } };
  if ([...password].length > PASSWORD_MAX)
    return { key: 'form.error.tooLong', params: { max: PASSWORD_MAX } };
  return undefined;
}

/** Drops the fields without a problem, so `Object.keys(errors).length` says whether the form is valid. */
export function collectErrors<Field extends string>(
  checks: Record<Field, FieldError | undefined>,
): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const [field, error] of Object.entries(checks) as Array<[Field, FieldError | undefined]>) {
    if (error) errors[field] = error;
  }
  return errors;
}

/**
 * The problems a route's body schema found, as field errors, so that a form failing its schema is
 * shown again with the messages and what was typed (route option `attachValidation: true`), never
 * answered with a bare 400.
 */
export function schemaErrors(request: FastifyRequest): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of request.validationError?.validation ?? []) {
    const params = problem.params as Record<string, unknown>;
    const field =
      typeof params.missingProperty === 'string'
        ? params.missingProperty
        : (problem.instancePath.split('/')[1] ?? '');
    if (!field || errors[field]) continue;
    if (problem.keyword === 'maxLength')
      errors[field] = { key: 'form.error.tooLong', params: { max: Number(params.limit) } };
    else if (
      problem.keyword === 'required' ||
      (problem.keyword === 'minLength' && params.limit === 1)
    )
      errors[field] = { key: 'form.error.required' };
    else if (problem.keyword === 'minLength')
      errors[field] = { key: 'form.error.tooShort', params: { min: Number(params.limit) } };
    else if (problem.keyword === 'format' && params.format === 'email')
      errors[field] = { key: 'form.error.email' };
    else errors[field] = { key: 'form.error.invalid' };
  }
  return errors;
}
