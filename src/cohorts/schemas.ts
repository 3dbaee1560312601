import { Type } from 'typebox';
import { Csrf, FormText, Id } from '../web/schemas.js';

export const CohortParams = Type.Object({ cohortId: Id });
export const MemberParams = Type.Object({ cohortId: Id, userId: Id });
export const InvitationParams = Type.Object({ cohortId: Id, invitationId: Id });

export const NewCohortBody = Type.Object({
  _csrf: Csrf,
  name: FormText(500),
  // One checkbox arrives as a string; Ajv's array coercion makes it a list of one.
  courses: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 1000 })),
  starts_on: FormText(20),
  due_on: FormText(20),
});

/** Multipart (or urlencoded) members form: pasted addresses and/or a CSV file (a Buffer). */
export const MembersBody = Type.Optional(
  Type.Object({
    _csrf: Csrf,
    emails: FormText(1024 * 1024),
    file: Type.Optional(Type.Unknown()),
  }),
);

export const JoinParams = Type.Object({ code: Type.Optional(Type.String({ maxLength: 200 })) });
export const JoinQuery = Type.Object({ code: Type.Optional(Type.String({ maxLength: 200 })) });
export const JoinBody = Type.Object({ _csrf: Csrf, code: FormText(200) });

// The answer stays a plain string: anything but accept/decline is a page not found, as before.
export const AnswerParams = Type.Object({
  invitationId: Id,
  answer: Type.String({ maxLength: 20 }),
});
export const CsrfBody = Type.Optional(Type.Object({ _csrf: Csrf }));
