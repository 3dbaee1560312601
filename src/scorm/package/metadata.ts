/**
 * Package title, description and typical learning time from LOM metadata, inline in the manifest
 * or in an external file named by `adlcp:location` (relative to the manifest, i.e. the content
 * root).
 */
import type { Element } from '@xmldom/xmldom';
import type { PackageNotice } from './errors.js';
import type { PackageFiles } from './files.js';
import { typicalLearningSeconds } from './learning-time.js';
import { resolveHref } from './launch-url.js';
import { ADLCP, ANY_NS, childElement, childElements, decodeXml, parseXml, textOf } from './xml.js';

export interface LomSummary {
  title?: string;
  description?: string;
  /** `educational/typicalLearningTime`, in seconds (see learning-time.ts). */
  typicalLearningSeconds?: number;
}

/** First non-empty langstring (IMS MD 1.2) or string (IEEE LOM), else the element's own text. */
function langText(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  for (const name of ['langstring', 'string']) {
    for (const child of childElements(element, ANY_NS, name)) {
      const text = textOf(child);
      if (text) return text;
    }
  }
  return textOf(element);
}

function findLom(root: Element): Element | undefined {
  if (root.localName === 'lom') return root;
  return childElement(root, ANY_NS, 'lom');
}

function summarise(lom: Element): LomSummary {
  const seconds = typicalLearningSeconds(lom);
  const time = seconds !== undefined ? { typicalLearningSeconds: seconds } : {};
  const general = childElement(lom, ANY_NS, 'general');
  if (!general) return time;
  const title = langText(childElement(general, ANY_NS, 'title'));
  const description = langText(childElement(general, ANY_NS, 'description'));
  return { ...(title ? { title } : {}), ...(description ? { description } : {}), ...time };
}

export async function readPackageMetadata(
  metadata: Element | undefined,
  files: PackageFiles,
  notices: PackageNotice[],
): Promise<LomSummary> {
  if (!metadata) return {};
  const inline = findLom(metadata);
  if (inline) return summarise(inline);
  const location = textOf(childElement(metadata, ADLCP, 'location'));
  if (!location) return {};
  const resolved = resolveHref([], location);
  const path = resolved.kind === 'local' ? resolved.file : location;
  const bytes = resolved.kind === 'local' ? await files.read(path) : undefined;
  if (!bytes) {
    notices.push({ code: 'metadata_file_missing', file: path, params: { path } });
    return {};
  }
  const parsed = parseXml(decodeXml(bytes), path);
  const lom =
    parsed.ok && parsed.doc.documentElement ? findLom(parsed.doc.documentElement) : undefined;
  if (!lom) {
    notices.push({ code: 'metadata_file_malformed', file: path, params: { path } });
    return {};
  }
  return summarise(lom);
}
