/**
 * Shapes shared by route schemas (TypeBox, validated by Fastify's Ajv, typed by the TypeBox type
 * provider). Form fields are optional strings with a generous bound: the field-by-field rules and
 * their friendly messages stay with each form, and anything past the bound comes back as a field
 * error (see schemaErrors in forms.ts), never as a bare 400.
 */
import { Type } from 'typebox';

/** A text field of a form: optional, at most `max` characters (the form checks what it requires). */
export const FormText = (max = 2000) => Type.Optional(Type.String({ maxLength: max }));
/** A positive database id in a URL. */
export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
/** A course, lesson or quiz slug in a URL. */
export const Slug = Type.String({ minLength: 1, maxLength: 200 });
/** The CSRF token every form carries (checked by the security layer). */
export const Csrf = Type.Optional(Type.String({ maxLength: 500 }));
