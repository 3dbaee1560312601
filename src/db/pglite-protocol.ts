/** Messages between the app's thread and the database thread (pglite-thread.ts). */
export type Request =
  | { id: number; op: 'query'; sql: string; params: unknown[]; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

export type QueryResult = { rows: unknown[]; affectedRows?: number };

/** A database error's fields (code, detail, constraint…): code that reads them works unchanged. */
export type ErrorFields = { message: string; [field: string]: unknown };

export type Reply =
  | { id: number; ok: true; result?: QueryResult; tx?: number }
  | { id: number; ok: false; error: ErrorFields };

/** The first message from the thread: the database is open, or why it could not be. */
export type Ready = { ready: true } | { ready: false; error: ErrorFields };

export function errorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields: ErrorFields = { message: error.message, name: error.name };
  for (const [key, value] of Object.entries(error))
    if (typeof value !== 'function' && typeof value !== 'object') fields[key] = value;
  return fields;
}

export function errorFrom(fields: ErrorFields): Error {
  const { message, ...rest } = fields;
  return Object.assign(new Error(message), rest);
}
