import { describe, expect, it } from 'vitest';
import { checkEntryName, NameRegistry } from '../../src/scorm/package/entry-names.js';

describe('checkEntryName', () => {
  it.each([
    ['index.html', 'index.html', false],
    ['shared/launchpage.html', 'shared/launchpage.html', false],
    ['scormcontent/', 'scormcontent', true],
    ['café/ünïcode.html', 'café/ünïcode.html', false],
    ['..hidden/file..txt', '..hidden/file..txt', false],
  ])('accepts %s', (name, path, isDirectory) => {
    expect(checkEntryName(name)).toMatchObject({ ok: true, path, isDirectory });
  });

  it.each([
    ['', 'empty'],
    ['../evil.js', 'parent_segment'],
    ['a/../../evil.js', 'parent_segment'],
    ['a/..', 'parent_segment'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/evil.dll', 'absolute'],
    ['c:evil', 'absolute'],
    ['..\\evil.js', 'backslash'],
    ['a\\b.html', 'backslash'],
    ['\\\\server\\share', 'backslash'],
    ['a//b', 'empty_segment'],
    ['./a', 'dot_segment'],
    ['a/./b', 'dot_segment'],
    ['a\u0000.html', 'control_character'],
    ['line\nbreak', 'control_character'],
    [`${'x'.repeat(256)}.html`, 'too_long'],
  ])('refuses %j (%s)', (name, reason) => {
    expect(checkEntryName(name)).toEqual({ ok: false, reason });
  });
});

describe('NameRegistry', () => {
  const add = (registry: NameRegistry, path: string) => {
    const checked = checkEntryName(path);
    if (!checked.ok) throw new Error(path);
    return registry.add(checked.segments, checked.isDirectory);
  };

  it('accepts distinct names and repeated folder entries', () => {
    const registry = new NameRegistry();
    expect(add(registry, 'a/')).toBeUndefined();
    expect(add(registry, 'a/b.html')).toBeUndefined();
    expect(add(registry, 'a/')).toBeUndefined();
    expect(add(registry, 'a/c/d.html')).toBeUndefined();
  });

  it('finds the same file twice, in any case or Unicode form', () => {
    const registry = new NameRegistry();
    add(registry, 'Caf\u00e9.html');
    expect(add(registry, 'Caf\u00e9.html')).toBe('Caf\u00e9.html');
    expect(add(registry, 'CAFE\u0301.HTML')).toBe('Caf\u00e9.html');
  });

  it('finds a file where a folder is needed, and the reverse', () => {
    const registry = new NameRegistry();
    add(registry, 'lesson');
    expect(add(registry, 'lesson/index.html')).toBe('lesson');
    const other = new NameRegistry();
    add(other, 'lesson/index.html');
    expect(add(other, 'LESSON')).toBe('lesson');
  });

  it('finds one folder spelt two ways', () => {
    const registry = new NameRegistry();
    add(registry, 'Images/a.png');
    expect(add(registry, 'images/b.png')).toBe('Images');
  });
});
