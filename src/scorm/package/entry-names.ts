/**
 * Rules for the names of zip entries. A name is checked as text before anything touches
 * the disk, so that no entry can write outside the staging folder, and so that two entries
 * cannot land on the same file on a case-insensitive disk or URL space.
 */

export type UnsafeReason =
  | 'empty'
  | 'absolute'
  | 'backslash'
  | 'parent_segment'
  | 'dot_segment'
  | 'empty_segment'
  | 'control_character'
  | 'too_long';

export type CheckedName =
  | { ok: true; path: string; segments: string[]; isDirectory: boolean }
  | { ok: false; reason: UnsafeReason };

// Linux limits; longer names would fail half-way through the extraction instead of up front.
const MAX_SEGMENT_BYTES = 255;
const MAX_PATH_BYTES = 1024;

export function checkEntryName(name: string): CheckedName {
  if (name.length === 0) return { ok: false, reason: 'empty' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { ok: false, reason: 'control_character' };
  // A backslash is a separator on Windows: "..\evil.js" must never reach a tool that reads it so.
  if (name.includes('\\')) return { ok: false, reason: 'backslash' };
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return { ok: false, reason: 'absolute' };
  const isDirectory = name.endsWith('/');
  const path = isDirectory ? name.slice(0, -1) : name;
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '') return { ok: false, reason: 'empty_segment' };
    if (segment === '..') return { ok: false, reason: 'parent_segment' };
    if (segment === '.') return { ok: false, reason: 'dot_segment' };
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) return { ok: false, reason: 'too_long' };
  }
  if (Buffer.byteLength(path) > MAX_PATH_BYTES) return { ok: false, reason: 'too_long' };
  return { ok: true, path, segments, isDirectory };
}

/** The key under which two names collide: same letters regardless of case or Unicode form. */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/**
 * Remembers every name seen so far and reports a clash: the same file twice (in any case),
 * a file where a folder is needed, or one folder spelt two ways.
 */
export class NameRegistry {
  private readonly files = new Map<string, string>();
  private readonly folders = new Map<string, string>();

  /** Returns the earlier name this one clashes with, or undefined after recording it. */
  add(segments: string[], isDirectory: boolean): string | undefined {
    const folders: string[] = [];
    const folderCount = isDirectory ? segments.length : segments.length - 1;
    for (let i = 1; i <= folderCount; i += 1) folders.push(segments.slice(0, i).join('/'));
    for (const folder of folders) {
      const key = collisionKey(folder);
      const file = this.files.get(key);
      if (file !== undefined) return file;
      const spelt = this.folders.get(key);
      if (spelt !== undefined && spelt !== folder) return spelt;
    }
    const path = segments.join('/');
    if (!isDirectory) {
      const clash = this.files.get(collisionKey(path)) ?? this.folders.get(collisionKey(path));
      if (clash !== undefined) return clash;
      this.files.set(collisionKey(path), path);
    }
    for (const folder of folders) this.folders.set(collisionKey(folder), folder);
    return undefined;
  }
}
