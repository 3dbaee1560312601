import { describe, expect, it } from 'vitest';
import { joinParameters, resolveHref } from '../../src/scorm/package/index.js';

describe('joinParameters (SCORM CAM rules for item parameters)', () => {
  it.each([
    ['a.html', undefined, 'a.html'],
    ['a.html', '', 'a.html'],
    ['a.html', 'x=1', 'a.html?x=1'],
    ['a.html', '?x=1', 'a.html?x=1'],
    ['a.html', '&x=1', 'a.html?x=1'],
    ['a.html', '?&x=1', 'a.html?x=1'],
    ['a.html?y=2', 'x=1', 'a.html?y=2&x=1'],
    ['a.html?y=2', '?x=1', 'a.html?y=2&x=1'],
    ['a.html?y=2', '&x=1', 'a.html?y=2&x=1'],
    ['a.html', '#page3', 'a.html#page3'],
    ['a.html?y=2', '#page3', 'a.html?y=2#page3'],
    ['a.html#top', '#page3', 'a.html#top'],
    ['a.html#top', 'x=1', 'a.html?x=1#top'],
    ['a.html?y=2#top', 'x=1', 'a.html?y=2&x=1#top'],
    ['a.html', 'x=1#p', 'a.html?x=1#p'],
  ])('%s + %j → %s', (url, parameters, expected) => {
    expect(joinParameters(url, parameters)).toBe(expected);
  });
});

describe('resolveHref (xml:base chain)', () => {
  it.each([
    [[], 'index.html', 'index.html', 'index.html'],
    [['content/'], 'index.html', 'content/index.html', 'content/index.html'],
    [
      ['content/', 'v1/', 'sco1/'],
      'index.html',
      'content/v1/sco1/index.html',
      'content/v1/sco1/index.html',
    ],
    // A base without its final slash still names a folder in practice.
    [['content', 'sco1'], 'index.html', 'content/sco1/index.html', 'content/sco1/index.html'],
    [[undefined, 'a/', undefined], 'b.html', 'a/b.html', 'a/b.html'],
    [['content/'], '../shared/x.html', 'shared/x.html', 'shared/x.html'],
    [['content/'], '/root.html', 'root.html', 'root.html'],
    [[], 'my%20page.html?x=1#f', 'my%20page.html?x=1#f', 'my page.html'],
    [[], 'my page.html', 'my%20page.html', 'my page.html'],
    [[], 'sub\\page.html', 'sub/page.html', 'sub/page.html'],
    [[], '100%.html', '100%.html', '100%.html'],
  ])('%j + %s → %s', (bases, href, url, file) => {
    expect(resolveHref(bases, href)).toEqual({ kind: 'local', url, file });
  });

  it('marks other sites as external and refuses other schemes', () => {
    expect(resolveHref([], 'https://example.org/course/')).toEqual({
      kind: 'external',
      url: 'https://example.org/course/',
    });
    expect(resolveHref(['https://cdn.example.org/pkg/'], 'index.html')).toEqual({
      kind: 'external',
      url: 'https://cdn.example.org/pkg/index.html',
    });
    expect(resolveHref([], 'javascript:alert(1)')).toEqual({ kind: 'invalid' });
    expect(resolveHref([], 'file:///etc/passwd')).toEqual({ kind: 'invalid' });
  });
});
