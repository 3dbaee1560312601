/**
 * Namespace-aware reading of manifest XML. Elements are matched by namespace URI and local
 * name, never by prefix: real exports bind `adlcp`, `imsss` … to whatever prefix they like,
 * and spell some names in either case (`adlcp:scormtype` in 1.2, `adlcp:scormType` in 2004).
 */
import { DOMParser, ParseError, type Document, type Element } from '@xmldom/xmldom';
import type { PackageProblem } from './errors.js';

export const NS = {
  cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  cp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp11: 'http://www.adlnet.org/xsd/adlcp_rootv1p1',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** A set of namespace URIs; `null` stands for "no namespace". */
export type NsSet = ReadonlySet<string | null>;

// Content packaging elements: either CP namespace, or none at all (hand-written manifests
// without xmlns are common enough, and nothing else could be meant).
export const CP: NsSet = new Set([NS.cp12, NS.cp2004, null]);
export const ADLCP: NsSet = new Set([NS.adlcp12, NS.adlcp2004]);
export const IMSSS: NsSet = new Set([NS.imsss]);
/** LOM metadata comes in several namespaces (IMS MD 1.2.x, IEEE LOM); the names agree. */
export const ANY_NS = null;

export type XmlResult = { ok: true; doc: Document } | { ok: false; problem: PackageProblem };

/** Decodes file bytes honouring a BOM or the XML declaration's encoding (UTF-8 otherwise). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function parseXml(text: string, file: string): XmlResult {
  try {
    const doc = new DOMParser({
      // Recoverable errors (an unknown entity, say) still mean the author's tool is broken:
      // refuse rather than guess. Warnings are left alone.
      onError: (level, message) => {
        if (level === 'error') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
    if (!doc.documentElement)
      return {
        ok: false,
        problem: { code: 'malformed_xml', file, params: { reason: 'missing root element' } },
      };
    return { ok: true, doc };
  } catch (error) {
    const line =
      error instanceof ParseError
        ? (error.locator as { lineNumber?: number } | undefined)?.lineNumber
        : undefined;
    // Errors we rethrow from onError come back wrapped ("Reporting error … caused Error: …").
    const message = (error as Error).message;
    const reason = (/caused \w*Error: (.*)$/s.exec(message)?.[1] ?? message).split('\n')[0]!.trim();
    return {
      ok: false,
      problem: { code: 'malformed_xml', file, ...(line ? { line } : {}), params: { reason } },
    };
  }
}

function matches(node: Element, ns: NsSet | typeof ANY_NS, localName: string): boolean {
  if (ns !== ANY_NS && !ns.has(node.namespaceURI)) return false;
  return (node.localName ?? '').toLowerCase() === localName.toLowerCase();
}

/** Child elements with this local name (case-insensitive) in one of these namespaces. */
export function childElements(
  parent: Element,
  ns: NsSet | typeof ANY_NS,
  localName: string,
): Element[] {
  const found: Element[] = [];
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === 1 && matches(child as Element, ns, localName))
      found.push(child as Element);
  }
  return found;
}

export function childElement(
  parent: Element,
  ns: NsSet | typeof ANY_NS,
  localName: string,
): Element | undefined {
  return childElements(parent, ns, localName)[0];
}

/** Attribute by local name (case-insensitive); `ns` null means an unqualified attribute. */
export function attribute(
  element: Element,
  ns: NsSet | null,
  localName: string,
): string | undefined {
  const wanted = localName.toLowerCase();
  for (const attr of Array.from(element.attributes)) {
    const inNs = ns === null ? attr.namespaceURI === null : ns.has(attr.namespaceURI);
    if (inNs && (attr.localName ?? attr.name).toLowerCase() === wanted) return attr.value;
  }
  return undefined;
}

export function xmlBase(element: Element): string | undefined {
  return element.getAttributeNS(NS.xml, 'base') ?? undefined;
}

export function textOf(element: Element | undefined): string | undefined {
  const text = element?.textContent?.trim();
  return text ? text : undefined;
}

/** Every namespace URI used by an element or attribute of the document. */
export function namespacesIn(root: Element): Set<string> {
  const found = new Set<string>();
  const visit = (element: Element) => {
    if (element.namespaceURI) found.add(element.namespaceURI);
    for (const attr of Array.from(element.attributes)) {
      if (attr.namespaceURI) found.add(attr.namespaceURI);
      // Declared but unused namespaces still tell which schema the tool wrote for.
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') found.add(attr.value);
    }
    for (const child of Array.from(element.childNodes))
      if (child.nodeType === 1) visit(child as Element);
  };
  visit(root);
  return found;
}

/** How a problem points at an element: `item[identifier=intro]`. */
export function label(element: Element): string {
  const id = element.getAttribute('identifier');
  return id ? `${element.localName}[identifier=${id}]` : (element.localName ?? element.nodeName);
}

export function lineOf(element: Element): number | undefined {
  return element.lineNumber ?? undefined;
}
