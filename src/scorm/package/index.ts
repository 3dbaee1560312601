/**
 * SCORM package inspection: extract a zip into a staging folder, find and parse its manifest,
 * and check that everything it launches exists. Pure: no database, no HTTP. The importer
 * decides what to do with the staging folder afterwards (move it into the content store
 * under `hash`, or delete it).
 */
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PackageError } from './errors.js';
import { filesFrom, type PackageFiles } from './files.js';
import { locateManifest } from './locate.js';
import { parseManifest } from './manifest.js';
import type { ParsedPackage } from './types.js';
import {
  cleanStaging,
  DEFAULT_ZIP_LIMITS,
  readPackageZip,
  type EntryProgress,
  type ExtractedFile,
  type ZipLimits,
} from './zip.js';

export * from './errors.js';
export * from './types.js';
export { readPackageZip, cleanStaging, DEFAULT_ZIP_LIMITS } from './zip.js';
export type { ZipLimits, ExtractedFile, ExtractedZip, EntryProgress } from './zip.js';
export { parseManifest, type ParseOptions } from './manifest.js';
export { locateManifest, type LocatedManifest } from './locate.js';
export { filesFrom, memoryFiles, type PackageFiles } from './files.js';
export { joinParameters, resolveHref } from './launch-url.js';
export { learningMinutes, parseLearningTime } from './learning-time.js';

export interface PackageLimits extends ZipLimits {
  /** The manifest and metadata files are parsed in memory, so they get their own cap. */
  maxManifestBytes: number;
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxManifestBytes: 16 * 1024 ** 2,
};

export interface InspectedPackage {
  /** sha256 (hex) of the zip: the key under which the content is stored. */
  hash: string;
  /** Every extracted file, relative to the staging folder (not to the content root). */
  files: ExtractedFile[];
  totalBytes: number;
  manifest: ParsedPackage;
}

/**
 * Extracts, parses and validates a package. On any package fault the staging folder is
 * emptied and a PackageError lists every problem found.
 */
export async function inspectPackage(
  zipPath: string,
  stagingDir: string,
  limitOverrides: Partial<PackageLimits> = {},
  onEntry?: (progress: EntryProgress) => void,
): Promise<InspectedPackage> {
  const limits: PackageLimits = { ...DEFAULT_PACKAGE_LIMITS, ...limitOverrides };
  // Leave the disk as we found it: remove the staging folder on failure only if we made it.
  const stagingExisted = await stat(stagingDir).then(
    () => true,
    () => false,
  );
  const extracted = await readPackageZip(zipPath, stagingDir, limits, onEntry);
  try {
    const located = locateManifest(extracted.files.map((file) => file.path));
    if (!located.ok) throw new PackageError(located.problem);
    const files = stagingFiles(
      stagingDir,
      extracted.files,
      located.contentRoot,
      limits.maxManifestBytes,
    );
    const relativeManifest = located.contentRoot
      ? located.manifestPath.slice(located.contentRoot.length + 1)
      : located.manifestPath;
    const source = await files.read(relativeManifest);
    if (!source) {
      throw new PackageError({
        code: 'limit_manifest_size',
        file: located.manifestPath,
        params: { limit: limits.maxManifestBytes },
      });
    }
    const manifest = await parseManifest(source, files, {
      manifestFile: located.manifestPath,
      contentRoot: located.contentRoot,
      notices: located.notices,
    });
    return {
      hash: extracted.hash,
      files: extracted.files,
      totalBytes: extracted.totalBytes,
      manifest,
    };
  } catch (error) {
    await cleanStaging(stagingDir, !stagingExisted);
    throw error;
  }
}

/** The extracted files seen from the content root, read with a size cap. */
function stagingFiles(
  stagingDir: string,
  extracted: ExtractedFile[],
  contentRoot: string,
  maxBytes: number,
): PackageFiles {
  const prefix = contentRoot ? `${contentRoot}/` : '';
  const paths = extracted
    .filter((file) => file.path.startsWith(prefix))
    .map((file) => file.path.slice(prefix.length));
  return filesFrom(paths, (path) => readCapped(join(stagingDir, prefix, path), maxBytes));
}

async function readCapped(path: string, maxBytes: number): Promise<Uint8Array | undefined> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return undefined;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
