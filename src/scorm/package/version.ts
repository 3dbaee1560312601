/**
 * Which SCORM a manifest is. `metadata/schemaversion` is authoritative when it holds one of
 * the strings the specifications define; otherwise the namespaces the tool wrote for decide.
 */
import type { Element } from '@xmldom/xmldom';
import type { PackageNotice, PackageProblem } from './errors.js';
import type { Scorm2004Edition, ScormVersion } from './types.js';
import {
  ADLCP,
  childElement,
  childElements,
  CP,
  NS,
  namespacesIn,
  textOf,
  attribute,
} from './xml.js';

export type DetectedVersion =
  | { ok: true; version: ScormVersion; edition?: Scorm2004Edition; notice?: PackageNotice }
  | { ok: false; problem: PackageProblem };

type Known = { version: ScormVersion; edition?: Scorm2004Edition } | 'unsupported' | undefined;

/** The strings of the specs, plus the spellings tools are known to write. */
function fromSchemaVersion(value: string): Known {
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (v === '1.2') return { version: 'scorm12' };
  if (v === 'cam 1.3' || v === '1.3' || v.startsWith('2004 2nd'))
    return { version: 'scorm2004', edition: 2 };
  if (v.startsWith('2004 3rd')) return { version: 'scorm2004', edition: 3 };
  if (v.startsWith('2004 4th')) return { version: 'scorm2004', edition: 4 };
  // SCORM 1.0/1.1 predate the run-time we implement.
  if (/^1\.[01](\b|$)/.test(v)) return 'unsupported';
  return undefined;
}

function fromNamespaces(manifest: Element): Known {
  const used = namespacesIn(manifest);
  if (used.has(NS.adlcp12)) return { version: 'scorm12' };
  if (used.has(NS.adlcp2004) || used.has(NS.imsss) || used.has(NS.adlseq) || used.has(NS.adlnav)) {
    return { version: 'scorm2004', edition: usesFourthEditionFeatures(manifest) ? 4 : 3 };
  }
  if (used.has(NS.adlcp11)) return 'unsupported';
  // A 1.2 manifest that only holds assets needs no adlcp namespace at all.
  if (manifest.namespaceURI === NS.cp12) return { version: 'scorm12' };
  return undefined;
}

/** Attributes on adlcp:completionThreshold only exist since the 4th edition. */
function usesFourthEditionFeatures(manifest: Element): boolean {
  const stack: Element[] = [manifest];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (
      ADLCP.has(element.namespaceURI) &&
      element.localName?.toLowerCase() === 'completionthreshold'
    ) {
      if (
        attribute(element, null, 'minProgressMeasure') !== undefined ||
        attribute(element, null, 'completedByMeasure') !== undefined
      ) {
        return true;
      }
    }
    for (const child of Array.from(element.childNodes))
      if (child.nodeType === 1) stack.push(child as Element);
  }
  return false;
}

export function detectVersion(manifest: Element, file: string): DetectedVersion {
  // Common Cartridge and other CP profiles use their own root namespace.
  if (!CP.has(manifest.namespaceURI)) {
    return {
      ok: false,
      problem: {
        code: 'unsupported_version',
        file,
        element: 'manifest',
        params: { namespace: manifest.namespaceURI ?? '' },
      },
    };
  }
  const metadata = childElement(manifest, CP, 'metadata');
  const schemaVersion = metadata
    ? textOf(childElements(metadata, CP, 'schemaversion')[0])
    : undefined;
  const declared = schemaVersion ? fromSchemaVersion(schemaVersion) : undefined;
  const refuse = (): DetectedVersion => ({
    ok: false,
    problem: {
      code: 'unsupported_version',
      file,
      element: 'schemaversion',
      params: schemaVersion ? { schemaversion: schemaVersion } : {},
    },
  });
  if (declared === 'unsupported') return refuse();
  if (declared) return { ok: true, ...declared };
  const inferred = fromNamespaces(manifest);
  if (inferred === 'unsupported' || inferred === undefined) return refuse();
  const label =
    inferred.version === 'scorm12' ? 'SCORM 1.2' : `SCORM 2004 edition ${inferred.edition}`;
  const notice: PackageNotice = schemaVersion
    ? {
        code: 'unknown_schemaversion',
        file,
        element: 'schemaversion',
        params: { schemaversion: schemaVersion, version: label },
      }
    : { code: 'version_inferred', file, params: { version: label } };
  return { ok: true, ...inferred, notice };
}
