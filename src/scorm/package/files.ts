/**
 * The view of the extracted files that manifest parsing needs. Kept abstract so that the
 * parser stays pure (tests feed it an in-memory map; the importer the staging folder).
 */

export interface PackageFiles {
  /** Whether a regular file exists, path relative to the content root, `/`-separated. */
  has(path: string): boolean;
  /** The existing path that differs only in case, to suggest a fix. */
  findIgnoringCase(path: string): string | undefined;
  /** File bytes, or undefined when missing or larger than the reader's limit. */
  read(path: string): Promise<Uint8Array | undefined>;
}

/** A PackageFiles over a list of paths and a reader for them. */
export function filesFrom(
  paths: Iterable<string>,
  read: (path: string) => Promise<Uint8Array | undefined>,
): PackageFiles {
  const exact = new Set(paths);
  const folded = new Map<string, string>();
  for (const path of exact) folded.set(path.toLowerCase(), path);
  return {
    has: (path) => exact.has(path),
    findIgnoringCase: (path) => folded.get(path.toLowerCase()),
    read: (path) => (exact.has(path) ? read(path) : Promise.resolve(undefined)),
  };
}

/** In-memory files, for tests and for callers that already hold the contents. */
export function memoryFiles(contents: Record<string, string | Uint8Array>): PackageFiles {
  return filesFrom(Object.keys(contents), async (path) => {
    const value = contents[path];
    return typeof value === 'string' ? new TextEncoder().encode(value) : value;
  });
}
