// The types @fastify/static gave package files before storage had its own interface, so a SCO
// sees the same headers from either store.
const UTF8 = /^text\/|^application\/(?:javascript|json)$/;

// mime's table takes a tenth of a second to load: loaded when a package file is first stored or
// served, not at start.
let loading: Promise<typeof import('mime').default> | undefined;

/** The Content-Type a stored file is served with, from its name. */
export async function contentTypeOf(path: string): Promise<string> {
  const mime = await (loading ??= import('mime').then((module) => module.default));
  const type = mime.getType(path) ?? 'application/octet-stream';
  return UTF8.test(type) ? `${type}; charset=utf-8` : type;
}
