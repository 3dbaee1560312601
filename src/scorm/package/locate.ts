/**
 * Where imsmanifest.xml is. The standard puts it at the root of the zip; people often zip
 * the folder instead of its contents, so one top-level folder holding it is accepted too.
 */
import type { PackageNotice, PackageProblem } from './errors.js';

export type LocatedManifest =
  | { ok: true; contentRoot: string; manifestPath: string; notices: PackageNotice[] }
  | { ok: false; problem: PackageProblem };

const MANIFEST = 'imsmanifest.xml';

/** Files that archivers add behind the author's back (macOS Finder, Windows Explorer). */
function isArchiverJunk(path: string): boolean {
  const segments = path.split('/');
  const name = segments.at(-1) ?? '';
  return (
    segments[0] === '__MACOSX' ||
    name === '.DS_Store' ||
    name === 'Thumbs.db' ||
    name === 'desktop.ini'
  );
}

function manifestIn(paths: string[], folder: string): { path: string; exact: boolean } | undefined {
  const prefix = folder ? `${folder}/` : '';
  if (paths.includes(prefix + MANIFEST)) return { path: prefix + MANIFEST, exact: true };
  const variant = paths.find((path) => path.toLowerCase() === (prefix + MANIFEST).toLowerCase());
  return variant ? { path: variant, exact: false } : undefined;
}

export function locateManifest(filePaths: string[]): LocatedManifest {
  const paths = filePaths.filter((path) => !isArchiverJunk(path));
  const notices: PackageNotice[] = [];
  let contentRoot = '';
  let found = manifestIn(paths, '');
  if (!found) {
    const topLevel = new Set(paths.map((path) => path.split('/')[0]));
    const onlyFolder =
      topLevel.size === 1 && paths.every((path) => path.includes('/'))
        ? [...topLevel][0]
        : undefined;
    if (onlyFolder) {
      found = manifestIn(paths, onlyFolder);
      if (found) {
        contentRoot = onlyFolder;
        notices.push({
          code: 'manifest_in_subfolder',
          file: found.path,
          params: { folder: onlyFolder },
        });
      }
    }
  }
  if (!found) {
    const nested = paths.find((path) => path.toLowerCase().endsWith(`/${MANIFEST}`));
    return {
      ok: false,
      problem: {
        code: 'no_manifest',
        file: MANIFEST,
        ...(nested ? { params: { found: nested } } : {}),
      },
    };
  }
  if (!found.exact)
    notices.push({
      code: 'manifest_name_case',
      file: found.path,
      params: { name: found.path.split('/').at(-1) ?? '' },
    });
  return { ok: true, contentRoot, manifestPath: found.path, notices };
}
