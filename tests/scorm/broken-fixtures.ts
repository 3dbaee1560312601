/**
 * Packages that must be refused, one fault each (re-exported by fixtures.ts). The hostile
 * zips are built with yazl and then patched, because yazl refuses to write them.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeZip, type ZipEntrySpec } from './zip-builder.js';

const NS_12 = `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"`;

/** A minimal valid 1.2 manifest launching `href` (so each broken zip has exactly one fault). */
export function minimalManifest12(href = 'index.html'): string {
  return `<?xml version="1.0"?>
<manifest identifier="minimal" ${NS_12}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Minimal</title>
    <item identifier="item" identifierref="res"><title>Minimal</title></item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="${href}"/></resources>
</manifest>
`;
}

function minimal(extra: ZipEntrySpec[] = []): ZipEntrySpec[] {
  return [
    { name: 'imsmanifest.xml', data: minimalManifest12() },
    { name: 'index.html', data: '<!DOCTYPE html><title>x</title>' },
    ...extra,
  ];
}

export async function buildNotZip(dir: string, fileName = 'not-a-zip.zip'): Promise<string> {
  const path = join(dir, fileName);
  await writeFile(path, 'This is a PDF, honestly.\n');
  return path;
}

export function buildNoManifest(dir: string, fileName = 'no-manifest.zip'): Promise<string> {
  return writeZip(join(dir, fileName), [
    { name: 'course/index.html', data: '<!DOCTYPE html><title>x</title>' },
    { name: 'other/readme.txt', data: 'no manifest here' },
  ]);
}

/** The `<item>` opened on line 6 is closed by `</organization>` on line 7. */
export function buildMalformedXml(dir: string, fileName = 'malformed-xml.zip'): Promise<string> {
  const manifest = `<?xml version="1.0"?>
<manifest identifier="broken" ${NS_12}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>Broken</title>
      <item identifier="item" identifierref="res"><title>Broken</title>
    </organization>
  </organizations>
</manifest>
`;
  return writeZip(join(dir, fileName), [{ name: 'imsmanifest.xml', data: manifest }]);
}

/** Two faults at once: a launch file in the wrong case and one missing entirely. */
export function buildMissingLaunchFile(
  dir: string,
  fileName = 'missing-launch-file.zip',
): Promise<string> {
  const manifest = `<?xml version="1.0"?>
<manifest identifier="missing" ${NS_12}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Missing</title>
    <item identifier="one" identifierref="res_one"><title>One</title></item>
    <item identifier="two" identifierref="res_two"><title>Two</title></item>
  </organization></organizations>
  <resources>
    <resource identifier="res_one" type="webcontent" adlcp:scormtype="sco" href="index.html"/>
    <resource identifier="res_two" type="webcontent" adlcp:scormtype="sco" href="lesson2/start.html"/>
  </resources>
</manifest>
`;
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: manifest },
    { name: 'Index.html', data: '<!DOCTYPE html>' },
  ]);
}

export function buildMissingResource(
  dir: string,
  fileName = 'missing-resource.zip',
): Promise<string> {
  const manifest = minimalManifest12().replace('identifierref="res"', 'identifierref="res_gone"');
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: manifest },
    { name: 'index.html', data: '<!DOCTYPE html>' },
  ]);
}

/** SCORM 1.1: declared by schemaversion and by its ADL namespace. */
export function buildUnsupportedVersion(
  dir: string,
  fileName = 'unsupported-version.zip',
): Promise<string> {
  const manifest = minimalManifest12()
    .replace('<schemaversion>1.2</schemaversion>', '<schemaversion>1.1</schemaversion>')
    .replace('adlcp_rootv1p2', 'adlcp_rootv1p1');
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: manifest },
    { name: 'index.html', data: '<!DOCTYPE html>' },
  ]);
}

/** An entry named `../evil.js` (classic zip-slip). */
export function buildZipSlip(dir: string, fileName = 'zip-slip.zip'): Promise<string> {
  return writeZip(
    join(dir, fileName),
    minimal([{ name: 'evil', rename: '../evil.js', data: 'alert(1)' }]),
  );
}

export function buildAbsolutePath(dir: string, fileName = 'absolute-path.zip'): Promise<string> {
  return writeZip(
    join(dir, fileName),
    minimal([{ name: 'evil', rename: '/tmp/evil.js', data: 'alert(1)' }]),
  );
}

/** `..\evil.js`: harmless on Linux, a traversal for any Windows tool that unpacks it later. */
export function buildBackslashPath(dir: string, fileName = 'backslash-path.zip'): Promise<string> {
  return writeZip(
    join(dir, fileName),
    minimal([{ name: 'evil', rename: '..\\evil.js', data: 'alert(1)' }]),
  );
}

/** 20 MiB of zeros, which deflate to about 20 KiB: a ratio near 1000. */
export function buildZipBomb(
  dir: string,
  fileName = 'zip-bomb.zip',
  bytes = 20 * 1024 ** 2,
): Promise<string> {
  return writeZip(
    join(dir, fileName),
    minimal([{ name: 'assets/video.mp4', data: Buffer.alloc(bytes) }]),
  );
}

/** The same bomb, but its headers claim a harmless 1 KiB: only counting real bytes stops it. */
export function buildLyingZipBomb(
  dir: string,
  fileName = 'lying-zip-bomb.zip',
  bytes = 20 * 1024 ** 2,
): Promise<string> {
  return writeZip(
    join(dir, fileName),
    minimal([{ name: 'assets/video.mp4', data: Buffer.alloc(bytes), declaredSize: 1024 }]),
  );
}

export function buildSymlink(dir: string, fileName = 'symlink.zip'): Promise<string> {
  return writeZip(
    join(dir, fileName),
    minimal([{ name: 'shared/passwd', data: '/etc/passwd', mode: 0o120777 }]),
  );
}

export function buildDuplicateNames(
  dir: string,
  fileName = 'duplicate-names.zip',
): Promise<string> {
  return writeZip(
    join(dir, fileName),
    minimal([{ name: 'index.html', data: '<!DOCTYPE html><title>second</title>' }]),
  );
}

/** `Index.html` next to `index.html`: distinct on Linux, one file on Windows or macOS. */
export function buildDuplicateNamesCase(
  dir: string,
  fileName = 'duplicate-names-case.zip',
): Promise<string> {
  return writeZip(
    join(dir, fileName),
    minimal([{ name: 'Index.html', data: '<!DOCTYPE html><title>second</title>' }]),
  );
}

export function buildEncryptedEntry(
  dir: string,
  fileName = 'encrypted-entry.zip',
): Promise<string> {
  return writeZip(
    join(dir, fileName),
    minimal([{ name: 'secret.html', data: 'password protected', encrypted: true }]),
  );
}

/** `count` small files next to a valid package. */
export function buildTooManyFiles(
  dir: string,
  count = 50,
  fileName = 'too-many-files.zip',
): Promise<string> {
  const extra = Array.from({ length: count }, (_, i) => ({
    name: `assets/file-${i}.txt`,
    data: `file ${i}`,
  }));
  return writeZip(join(dir, fileName), minimal(extra));
}

export const BROKEN_FIXTURES = {
  notZip: buildNotZip,
  noManifest: buildNoManifest,
  malformedXml: buildMalformedXml,
  missingLaunchFile: buildMissingLaunchFile,
  missingResource: buildMissingResource,
  unsupportedVersion: buildUnsupportedVersion,
  zipSlip: buildZipSlip,
  absolutePath: buildAbsolutePath,
  backslashPath: buildBackslashPath,
  zipBomb: buildZipBomb,
  lyingZipBomb: buildLyingZipBomb,
  symlink: buildSymlink,
  duplicateNames: buildDuplicateNames,
  duplicateNamesCase: buildDuplicateNamesCase,
  encryptedEntry: buildEncryptedEntry,
  tooManyFiles: buildTooManyFiles,
} satisfies Record<string, (dir: string) => Promise<string>>;
