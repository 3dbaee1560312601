/**
 * Launch URLs: `xml:base` on manifest, resources and resource, then the resource `href`,
 * then the item's `parameters`, following the IMS / ADL rules.
 */

// Resolution happens against a fake origin so that the WHATWG URL parser does the RFC 3986
// work (dot segments, percent-encoding) and anything leaving that origin is visibly external.
const ORIGIN = 'https://package.invalid';

export type ResolvedHref =
  | { kind: 'local'; url: string; file: string }
  | { kind: 'external'; url: string }
  | { kind: 'invalid' };

export function resolveHref(bases: Array<string | undefined>, href: string): ResolvedHref {
  try {
    let base = new URL(`${ORIGIN}/`);
    for (const value of bases) {
      const trimmed = value?.trim();
      // xml:base names a folder in every real package; a missing final slash would otherwise
      // silently drop its last segment.
      if (trimmed) base = new URL(trimmed.endsWith('/') ? trimmed : `${trimmed}/`, base);
    }
    const url = new URL(href.trim(), base);
    if (url.origin !== ORIGIN) {
      return url.protocol === 'http:' || url.protocol === 'https:'
        ? { kind: 'external', url: url.href }
        : { kind: 'invalid' };
    }
    const path = url.pathname.slice(1);
    return { kind: 'local', url: path + url.search + url.hash, file: decodePath(path) };
  } catch {
    return { kind: 'invalid' };
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a stray "%" in a file name: the name is meant literally
  }
}

/**
 * Joins item `parameters` to a launch URL (SCORM CAM, "parameters"): leading `?` and `&` are
 * dropped; a `#fragment` is appended unless the URL already has one; anything else becomes
 * (or extends) the query string, before any fragment.
 */
export function joinParameters(url: string, parameters: string | undefined): string {
  let params = parameters?.trim() ?? '';
  while (params.startsWith('?') || params.startsWith('&')) params = params.slice(1);
  if (params === '') return url;
  const hashAt = url.indexOf('#');
  if (params.startsWith('#')) return hashAt >= 0 ? url : url + params;
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  return `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}${params}${hash}`;
}
