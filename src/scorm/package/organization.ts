/**
 * The walk of a manifest's organisation: its items in order, each launchable one resolved to a
 * file of the package (or, without an organisation, one item per launchable resource).
 */
import type { Element } from '@xmldom/xmldom';
import type { PackageNotice, PackageProblem } from './errors.js';
import type { PackageFiles } from './files.js';
import { readItemData } from './item-data.js';
import type { SequencingContext } from './sequencing-context.js';
import { joinParameters, resolveHref } from './launch-url.js';
import type { FlatSco, ManifestItem, ScormType, ScormVersion } from './types.js';
import { childElement, childElements, CP, label, lineOf, textOf } from './xml.js';

export interface Resource {
  identifier: string;
  href?: string;
  bases: Array<string | undefined>;
  scormType: ScormType;
}

/** State shared while walking the organisation. */
export interface Walk {
  file: string;
  version: ScormVersion;
  files: PackageFiles;
  resources: Map<string, Resource>;
  problems: PackageProblem[];
  notices: PackageNotice[];
  seenItems: Set<string>;
  scos: FlatSco[];
  sequencing: SequencingContext;
}

export function chooseOrganization(
  manifest: Element,
  walk: Walk,
): { element?: Element; identifier: string; title: string } {
  const container = childElement(manifest, CP, 'organizations');
  const organizations = container ? childElements(container, CP, 'organization') : [];
  const first = organizations[0];
  if (!first) return { identifier: '', title: '' };
  const requested = container?.getAttribute('default')?.trim();
  let chosen = organizations.find(
    (organization) => organization.getAttribute('identifier') === requested,
  );
  if (!chosen) {
    chosen = first;
    walk.notices.push({
      code: 'default_organization_fallback',
      file: walk.file,
      element: 'organizations',
      ...line(container!),
      params: { used: first.getAttribute('identifier') ?? '', ...(requested ? { requested } : {}) },
    });
  }
  return {
    element: chosen,
    identifier: chosen.getAttribute('identifier') ?? '',
    title: textOf(childElement(chosen, CP, 'title')) ?? '',
  };
}

export function readItems(parent: Element, walk: Walk, path: string[]): ManifestItem[] {
  const items: ManifestItem[] = [];
  for (const element of childElements(parent, CP, 'item')) {
    const identifier = element.getAttribute('identifier')?.trim();
    if (!identifier) {
      walk.problems.push({
        code: 'missing_identifier',
        file: walk.file,
        element: 'item',
        ...line(element),
      });
      continue;
    }
    if (walk.seenItems.has(identifier)) {
      // Tracking is keyed by item identifier: two items with one id would share an attempt.
      walk.problems.push({
        code: 'duplicate_identifier',
        file: walk.file,
        element: label(element),
        ...line(element),
        params: { identifier },
      });
      continue;
    }
    walk.seenItems.add(identifier);
    const title = textOf(childElement(element, CP, 'title')) ?? identifier;
    const visible = element.getAttribute('isvisible')?.trim().toLowerCase() !== 'false';
    const parameters = element.getAttribute('parameters') ?? undefined;
    const item: ManifestItem = { identifier, title, visible, children: [] };
    const resourceRef = element.getAttribute('identifierref')?.trim();
    if (resourceRef) {
      item.resourceIdentifier = resourceRef;
      if (parameters) item.parameters = parameters;
      addLaunchable(element, item, walk, path);
    }
    item.children = readItems(element, walk, [...path, title]);
    items.push(item);
  }
  return items;
}

function addLaunchable(element: Element, item: ManifestItem, walk: Walk, path: string[]): void {
  const where = { file: walk.file, element: label(element), ...line(element) };
  const resource = walk.resources.get(item.resourceIdentifier!);
  if (!resource) {
    walk.problems.push({
      code: 'missing_resource',
      ...where,
      params: { item: item.identifier, identifierref: item.resourceIdentifier! },
    });
    return;
  }
  const launch = resolveLaunch(resource, item, walk, where);
  if (!launch) return;
  const data = readItemData(element, walk.version, walk.sequencing);
  walk.scos.push({
    identifier: item.identifier,
    resourceIdentifier: resource.identifier,
    title: item.title,
    scormType: resource.scormType,
    visible: item.visible,
    path,
    depth: path.length,
    ...launch,
    ...(item.parameters ? { parameters: item.parameters } : {}),
    ...data,
  });
}

function resolveLaunch(
  resource: Resource,
  item: ManifestItem,
  walk: Walk,
  where: Pick<PackageProblem, 'file' | 'element' | 'line'>,
): { launchUrl: string; launchFile?: string } | undefined {
  if (!resource.href) {
    walk.problems.push({
      code: 'resource_without_href',
      ...where,
      params: { item: item.identifier, resource: resource.identifier },
    });
    return undefined;
  }
  const resolved = resolveHref(resource.bases, resource.href);
  if (resolved.kind === 'invalid') {
    walk.problems.push({
      code: 'missing_launch_file',
      ...where,
      params: { item: item.identifier, path: resource.href },
    });
    return undefined;
  }
  if (resolved.kind === 'external') {
    walk.notices.push({
      code: 'external_launch_url',
      ...where,
      params: { item: item.identifier, url: resolved.url },
    });
    return { launchUrl: joinParameters(resolved.url, item.parameters) };
  }
  if (!walk.files.has(resolved.file)) {
    const suggestion = walk.files.findIgnoringCase(resolved.file);
    walk.problems.push({
      code: 'missing_launch_file',
      ...where,
      params: {
        item: item.identifier,
        resource: resource.identifier,
        path: resolved.file,
        ...(suggestion ? { didYouMean: suggestion } : {}),
      },
    });
    return undefined;
  }
  return { launchUrl: joinParameters(resolved.url, item.parameters), launchFile: resolved.file };
}

/** No organisation at all: one item per SCO resource (or per resource, if none is a SCO). */
export function synthesiseItems(walk: Walk): ManifestItem[] {
  const all = [...walk.resources.values()].filter((resource) => resource.href);
  const scos = all.filter((resource) => resource.scormType === 'sco');
  const chosen = scos.length > 0 ? scos : all;
  if (chosen.length === 0) return [];
  walk.notices.push({
    code: 'organization_synthesised',
    file: walk.file,
    element: 'organizations',
    params: { count: chosen.length },
  });
  const items: ManifestItem[] = [];
  for (const resource of chosen) {
    const item: ManifestItem = {
      identifier: resource.identifier,
      title: resource.identifier,
      visible: true,
      resourceIdentifier: resource.identifier,
      children: [],
    };
    const launch = resolveLaunch(resource, item, walk, {
      file: walk.file,
      element: `resource[identifier=${resource.identifier}]`,
    });
    if (!launch) continue;
    walk.scos.push({
      identifier: item.identifier,
      resourceIdentifier: resource.identifier,
      title: item.title,
      scormType: resource.scormType,
      visible: true,
      path: [],
      depth: 0,
      ...launch,
      objectives: [],
    });
    items.push(item);
  }
  return items;
}

export function line(element: Element): { line?: number } {
  const value = lineOf(element);
  return value ? { line: value } : {};
}
