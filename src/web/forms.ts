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

// C0, DEL and C1 controls: invisible in a list, and a line break or escape in a name breaks every
// page, email and CSV the name appears in later.
const CONTROL = /\p{Cc}/u;

/** Whether the text holds a control character (a line break, a tab, an escape...). */
export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/** The longest name a person may have, in characters. */
export const NAME_MAX = 120;

/** A person's name (trimmed): required, at most NAME_MAX characters, no control character. */
export function personName(value: string): FieldError | undefined {
  return (
    requiredText(value, NAME_MAX) ??
    (hasControlCharacter(value) ? { key: 'form.error.nameControl' } : undefined)
  );
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

/** A new password typed twice: the rules for the first, and the second the same as the first. */
export function newPasswordTwice(
  password: unknown,
  confirm: unknown,
): { password: FieldError | undefined; confirm: FieldError | undefined } {
  return {
    password: newPassword(password),
    confirm: confirm === password ? undefined : { key: 'form.error.mismatch' },
  };
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
