/**
 * Errors a route throws instead of answering and returning: the error handler (errors.ts) turns
 * each into the page (or JSON) a person or a program expects, in their language.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new HttpError(404, what);
export const forbidden = (why = 'Forbidden') => new HttpError(403, why);
export const badRequest = (why = 'Bad request') => new HttpError(400, why);

/** The page needs a signed-in person: a GET goes to the login page and comes back after. */
export class LoginRequired extends HttpError {
  constructor() {
    super(401, 'Sign in first');
  }
}

/** A refusal with a page of its own (e.g. "enrol first"), rendered by the error handler. */
export class PageRefusal extends HttpError {
  constructor(
    statusCode: number,
    readonly template: string,
    readonly data: Record<string, unknown>,
  ) {
    super(statusCode, template);
  }
}
