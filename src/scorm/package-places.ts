/**
 * Where packages live. Apart from the importer so that the content origin and the upload form can
 * find packages without loading the package reader (zip, XML) at start-up.
 */
import { join } from 'node:path';

/** Local working folders (staging, uploads) and, with local storage, the packages themselves. */
export const scormRoot = (dataDir: string) => join(dataDir, 'scorm');
export const packageDir = (dataDir: string, hash: string) => join(scormRoot(dataDir), hash);
/** Where a package's files are kept in its storage: `<hash>/<path in the zip>`. */
export const packagePrefix = (hash: string) => `${hash}/`;
