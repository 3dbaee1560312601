/**
 * Problems found in an uploaded SCORM package. They are data, not sentences, so that the
 * app can render them in each interface language; `describeProblem` is the English used by
 * the CLI and logs.
 */

export type ProblemCode =
  // The zip itself
  | 'not_zip'
  | 'corrupt_zip'
  | 'limit_total_size'
  | 'limit_file_count'
  | 'limit_ratio'
  | 'limit_manifest_size'
  | 'unsafe_path'
  | 'symlink'
  | 'special_file'
  | 'duplicate_name'
  | 'encrypted_entry'
  | 'unsupported_compression'
  // The manifest
  | 'no_manifest'
  | 'malformed_xml'
  | 'not_a_manifest'
  | 'unsupported_version'
  | 'no_organization'
  | 'no_launchable_item'
  | 'duplicate_identifier'
  | 'missing_identifier'
  | 'missing_resource'
  | 'resource_without_href'
  | 'missing_launch_file';

/** Something the importer worked around; shown to the author, never blocks the import. */
export type NoticeCode =
  | 'manifest_in_subfolder'
  | 'manifest_name_case'
  | 'default_organization_fallback'
  | 'organization_synthesised'
  | 'version_inferred'
  | 'unknown_schemaversion'
  | 'metadata_file_missing'
  | 'metadata_file_malformed'
  | 'external_launch_url'
  | 'sequencing_reference_missing'
  | 'sequencing_value_invalid'
  | 'sequencing_element_ignored';

export interface PackageProblem {
  code: ProblemCode;
  /** Path inside the zip (or relative to the content root for manifest problems). */
  file?: string;
  /** XML element (with its identifier when it has one), e.g. `item[identifier=intro]`. */
  element?: string;
  line?: number;
  params?: Record<string, string | number>;
}

export interface PackageNotice {
  code: NoticeCode;
  file?: string;
  element?: string;
  line?: number;
  params?: Record<string, string | number>;
}

export class PackageError extends Error {
  readonly problems: PackageProblem[];

  constructor(problems: PackageProblem[] | PackageProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(
      `The SCORM package was refused:\n${list.map((p) => `  ${describeProblem(p)}`).join('\n')}`,
    );
    this.name = 'PackageError';
    this.problems = list;
  }
}

export function isPackageError(error: unknown): error is PackageError {
  return error instanceof PackageError;
}

type Messages<C extends string> = Record<C, (p: Record<string, string | number>) => string>;

const PROBLEM_MESSAGES: Messages<ProblemCode> = {
  not_zip: () => 'The file is not a zip archive.',
  corrupt_zip: (p) => `The zip archive is damaged${p.reason ? ` (${p.reason})` : ''}.`,
  limit_total_size: (p) => `The unpacked package is larger than the limit of ${p.limit} bytes.`,
  limit_file_count: (p) => `The package holds more than the limit of ${p.limit} files.`,
  limit_ratio: (p) =>
    `The package unpacks to more than ${p.limit} times its compressed size (a "zip bomb").`,
  limit_manifest_size: (p) => `The manifest is larger than the limit of ${p.limit} bytes.`,
  unsafe_path: (p) => `The zip contains an unsafe file name${p.reason ? ` (${p.reason})` : ''}.`,
  symlink: () => 'The zip contains a symbolic link, which is not allowed.',
  special_file: () =>
    'The zip contains a special file (device, pipe or socket), which is not allowed.',
  duplicate_name: (p) =>
    `The zip contains two entries with the same name${p.other ? ` ("${p.other}")` : ''}.`,
  encrypted_entry: () => 'The zip contains an encrypted (password-protected) file.',
  unsupported_compression: (p) => `The zip uses an unsupported compression method (${p.method}).`,
  no_manifest: () => 'The package has no imsmanifest.xml at its root.',
  malformed_xml: (p) => `The XML is not well-formed${p.reason ? `: ${p.reason}` : ''}.`,
  not_a_manifest: (p) =>
    `The root element is <${p.root}>, not an IMS content packaging <manifest>.`,
  unsupported_version: (p) =>
    `This kind of package is not supported${p.schemaversion ? ` (schema version "${p.schemaversion}")` : ''}; only SCORM 1.2 and SCORM 2004 are.`,
  no_organization: () => 'The manifest has no organisation and no launchable resource.',
  no_launchable_item: () => 'The organisation contains no item that can be launched.',
  duplicate_identifier: (p) => `The identifier "${p.identifier}" is used more than once.`,
  missing_identifier: () => 'An element has no identifier.',
  missing_resource: (p) =>
    `Item "${p.item}" refers to resource "${p.identifierref}", which does not exist.`,
  resource_without_href: (p) => `Resource "${p.resource}" is launched by an item but has no href.`,
  missing_launch_file: (p) =>
    `The launch file "${p.path}" is not in the package${p.didYouMean ? ` (did you mean "${p.didYouMean}"?)` : ''}.`,
};

const NOTICE_MESSAGES: Messages<NoticeCode> = {
  manifest_in_subfolder: (p) =>
    `The manifest is inside the folder "${p.folder}", which is used as the package root.`,
  manifest_name_case: (p) => `The manifest is named "${p.name}" instead of imsmanifest.xml.`,
  default_organization_fallback: (p) =>
    p.requested
      ? `The default organisation "${p.requested}" does not exist; "${p.used}" is used.`
      : `No default organisation is set; "${p.used}" is used.`,
  organization_synthesised: (p) =>
    `The manifest has no organisation; one item was created for each of the ${p.count} resource(s).`,
  version_inferred: (p) => `The SCORM version was inferred from the XML namespaces (${p.version}).`,
  unknown_schemaversion: (p) =>
    `The schema version "${p.schemaversion}" is unknown; the XML namespaces were used instead.`,
  metadata_file_missing: (p) => `The metadata file "${p.path}" is not in the package.`,
  metadata_file_malformed: (p) => `The metadata file "${p.path}" could not be read as XML.`,
  external_launch_url: (p) => `Item "${p.item}" launches an external address (${p.url}).`,
  sequencing_reference_missing: (p) =>
    `Item "${p.item}" refers to sequencing "${p.idref}", which does not exist.`,
  sequencing_value_invalid: (p) =>
    `Item "${p.item}": ${p.field} "${p.value}" is not a valid value; ${p.used} was used instead.`,
  sequencing_element_ignored: (p) =>
    `Item "${p.item}": ${p.field} "${p.value}" is not valid, so that sequencing rule was left out.`,
};

function where(p: { file?: string; element?: string; line?: number }): string {
  const parts = [p.file && (p.line ? `${p.file}:${p.line}` : p.file), p.element].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' ')}: ` : '';
}

/** One line of English for a problem, prefixed with where it is. */
export function describeProblem(problem: PackageProblem): string {
  return where(problem) + PROBLEM_MESSAGES[problem.code](problem.params ?? {});
}

export function describeNotice(notice: PackageNotice): string {
  return where(notice) + NOTICE_MESSAGES[notice.code](notice.params ?? {});
}
