/**
 * imsmanifest.xml → ParsedPackage. Every problem found is collected, so that an author
 * fixing a package sees the whole list at once instead of one per upload.
 */
import type { Element } from '@xmldom/xmldom';
import { PackageError, type PackageNotice, type PackageProblem } from './errors.js';
import type { PackageFiles } from './files.js';
import { readPackageMetadata } from './metadata.js';
import { readSequencingTree } from './sequencing.js';
import {
  chooseOrganization,
  line,
  readItems,
  synthesiseItems,
  type Resource,
  type Walk,
} from './organization.js';
import type { ParsedPackage } from './types.js';
import { detectVersion } from './version.js';
import {
  ADLCP,
  attribute,
  childElement,
  childElements,
  CP,
  decodeXml,
  IMSSS,
  label,
  parseXml,
  xmlBase,
} from './xml.js';

export interface ParseOptions {
  /** Path of the manifest as reported in problems (default `imsmanifest.xml`). */
  manifestFile?: string;
  /** Stored in the result; the files view is already relative to it. */
  contentRoot?: string;
  /** Notices found before parsing (e.g. where the manifest was found). */
  notices?: PackageNotice[];
}

export async function parseManifest(
  source: string | Uint8Array,
  files: PackageFiles,
  options: ParseOptions = {},
): Promise<ParsedPackage> {
  const file = options.manifestFile ?? 'imsmanifest.xml';
  const notices = [...(options.notices ?? [])];
  const parsed = parseXml(typeof source === 'string' ? source : decodeXml(source), file);
  if (!parsed.ok) throw new PackageError(parsed.problem);
  const manifest = parsed.doc.documentElement!;
  if (manifest.localName !== 'manifest') {
    throw new PackageError({
      code: 'not_a_manifest',
      file,
      element: manifest.nodeName,
      params: { root: manifest.nodeName },
    });
  }
  const detected = detectVersion(manifest, file);
  if (!detected.ok) throw new PackageError(detected.problem);
  if (detected.notice) notices.push(detected.notice);

  const problems: PackageProblem[] = [];
  const resources = readResources(manifest, file, problems);
  const walk: Walk = {
    file,
    version: detected.version,
    files,
    resources,
    problems,
    notices,
    seenItems: new Set(),
    scos: [],
    sequencing: { collection: sequencingCollection(manifest), notices, file },
  };
  const organization = chooseOrganization(manifest, walk);
  const items = organization.element
    ? readItems(organization.element, walk, [])
    : synthesiseItems(walk);
  const sequencing =
    detected.version === 'scorm2004' && organization.element
      ? readSequencingTree(organization.element, walk.sequencing)
      : undefined;
  if (items.length === 0 && resources.size === 0)
    problems.push({ code: 'no_organization', file, element: 'organizations' });
  else if (walk.scos.length === 0 && problems.length === 0)
    problems.push({ code: 'no_launchable_item', file, element: 'organization' });

  const metadata = await readPackageMetadata(
    childElement(manifest, CP, 'metadata'),
    files,
    notices,
  );
  if (problems.length > 0) throw new PackageError(problems);
  const identifier = manifest.getAttribute('identifier') ?? '';
  return {
    version: detected.version,
    ...(detected.edition !== undefined ? { edition: detected.edition } : {}),
    identifier,
    // What LMSs show as the course name is the organisation title; LOM is the fallback.
    title: organization.title || metadata.title || identifier,
    ...(metadata.description ? { description: metadata.description } : {}),
    ...(metadata.typicalLearningSeconds !== undefined
      ? { typicalLearningSeconds: metadata.typicalLearningSeconds }
      : {}),
    contentRoot: options.contentRoot ?? '',
    // A synthesised organisation still needs an id for the importer's rows.
    organization: {
      identifier: organization.identifier || 'default',
      title: organization.title || metadata.title || identifier,
    },
    items,
    scos: walk.scos,
    ...(sequencing ? { sequencing } : {}),
    notices,
  };
}

function readResources(
  manifest: Element,
  file: string,
  problems: PackageProblem[],
): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  const container = childElement(manifest, CP, 'resources');
  if (!container) return resources;
  const bases = [xmlBase(manifest), xmlBase(container)];
  for (const element of childElements(container, CP, 'resource')) {
    const identifier = element.getAttribute('identifier')?.trim();
    if (!identifier) {
      problems.push({ code: 'missing_identifier', file, element: 'resource', ...line(element) });
      continue;
    }
    if (resources.has(identifier)) {
      problems.push({
        code: 'duplicate_identifier',
        file,
        element: label(element),
        ...line(element),
        params: { identifier },
      });
      continue;
    }
    const href = element.getAttribute('href')?.trim();
    resources.set(identifier, {
      identifier,
      ...(href ? { href } : {}),
      bases: [...bases, xmlBase(element)],
      scormType:
        attribute(element, ADLCP, 'scormtype')?.trim().toLowerCase() === 'sco' ? 'sco' : 'asset',
    });
  }
  return resources;
}

function sequencingCollection(manifest: Element): Map<string, Element> {
  const collection = new Map<string, Element>();
  const container = childElement(manifest, IMSSS, 'sequencingCollection');
  for (const sequencing of container ? childElements(container, IMSSS, 'sequencing') : []) {
    const id = attribute(sequencing, null, 'ID');
    if (id) collection.set(id, sequencing);
  }
  return collection;
}
