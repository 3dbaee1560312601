/**
 * Writes test zips with yazl, then patches headers for the hostile cases yazl rightly refuses
 * to produce (`../` names, absolute names, encrypted flags, lying sizes).
 */
import { writeFile } from 'node:fs/promises';
import yazl from 'yazl';

export interface ZipEntrySpec {
  name: string;
  data?: string | Buffer;
  /** A folder entry (`name/`). */
  directory?: boolean;
  /** Unix mode, high 16 bits of the external attributes (e.g. 0o120777 for a symlink). */
  mode?: number;
  compress?: boolean;
  /** Header patches applied after yazl wrote the entry. */
  rename?: string;
  encrypted?: boolean;
  /** Declared uncompressed size, to make the headers lie. */
  declaredSize?: number;
}

/** A same-length stand-in that yazl accepts, swapped for the real name afterwards. */
function placeholder(name: string, index: number): string {
  const length = Buffer.byteLength(name);
  const tag = `p${index}`;
  if (length < tag.length + 1) throw new Error(`name too short to patch: ${name}`);
  return 'q'.repeat(length - tag.length) + tag;
}

export async function zipBuffer(entries: ZipEntrySpec[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const patches = new Map<string, ZipEntrySpec>();
  entries.forEach((entry, index) => {
    let name = entry.name;
    if (entry.rename !== undefined) {
      name = placeholder(entry.rename, index);
      if (Buffer.byteLength(name) !== Buffer.byteLength(entry.rename))
        throw new Error('placeholder length');
    }
    if (entry.rename !== undefined || entry.encrypted || entry.declaredSize !== undefined)
      patches.set(name, entry);
    const options = {
      mtime: new Date('2024-01-01T00:00:00Z'),
      ...(entry.mode !== undefined ? { mode: entry.mode } : {}),
    };
    if (entry.directory) zip.addEmptyDirectory(name, options);
    else
      zip.addBuffer(Buffer.from(entry.data ?? ''), name, {
        ...options,
        compress: entry.compress ?? true,
      });
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const buffer = Buffer.concat(chunks);
  if (patches.size > 0) patchHeaders(buffer, patches);
  return buffer;
}

export async function writeZip(path: string, entries: ZipEntrySpec[]): Promise<string> {
  await writeFile(path, await zipBuffer(entries));
  return path;
}

/** Walks the central directory and rewrites both copies of each patched entry's header. */
function patchHeaders(buffer: Buffer, patches: Map<string, ZipEntrySpec>): void {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i += 1) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central header');
    const nameLength = buffer.readUInt16LE(offset + 28);
    const next =
      offset +
      46 +
      nameLength +
      buffer.readUInt16LE(offset + 30) +
      buffer.readUInt16LE(offset + 32);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const patch = patches.get(name);
    if (patch) {
      const local = buffer.readUInt32LE(offset + 42);
      if (patch.rename !== undefined) {
        buffer.write(patch.rename, offset + 46, 'utf8');
        buffer.write(patch.rename, local + 30, 'utf8');
      }
      if (patch.encrypted) {
        buffer.writeUInt16LE(buffer.readUInt16LE(offset + 8) | 1, offset + 8);
        buffer.writeUInt16LE(buffer.readUInt16LE(local + 6) | 1, local + 6);
      }
      if (patch.declaredSize !== undefined) {
        buffer.writeUInt32LE(patch.declaredSize, offset + 24);
        buffer.writeUInt32LE(patch.declaredSize, local + 22);
      }
    }
    offset = next;
  }
}
