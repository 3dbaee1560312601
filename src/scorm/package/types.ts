import type { PackageNotice } from './errors.js';
import type { SequencingImport } from './sequencing.js';

export type ScormVersion = 'scorm12' | 'scorm2004';
export type Scorm2004Edition = 2 | 3 | 4;
export type ScormType = 'sco' | 'asset';

/** 2004 `adlcp:completionThreshold`: 3rd edition gives a number as text, 4th uses attributes. */
export interface CompletionThreshold {
  completedByMeasure: boolean;
  minProgressMeasure: number;
  progressWeight?: number;
}

/** 2004 `imsss:deliveryControls` (IMS SS defaults: tracked, and neither status set by the content). */
export interface DeliveryControls {
  tracked: boolean;
  /** False: a SCO that ends its attempt without reporting completion counts as completed. */
  completionSetByContent: boolean;
  /** False: a SCO that ends its attempt without reporting success counts as satisfied (passed). */
  objectiveSetByContent: boolean;
}

/** One `imsss:primaryObjective` or `imsss:objective` of an item. */
export interface ObjectiveSpec {
  /** May be empty for a primary objective, which the spec allows to have no id. */
  id: string;
  primary: boolean;
  satisfiedByMeasure: boolean;
  /** -1..1; only meaningful when satisfiedByMeasure (defaults to 1.0 per IMS SS). */
  minNormalizedMeasure: number;
}

/** An item of the organisation tree; items without a resource only group others. */
export interface ManifestItem {
  identifier: string;
  title: string;
  visible: boolean;
  /** Set when the item launches something (it then also appears in `ParsedPackage.scos`). */
  resourceIdentifier?: string;
  parameters?: string;
  children: ManifestItem[];
}

/** A launchable item, flattened in tree order. Tracking is keyed by `identifier` (the item's). */
export interface FlatSco {
  identifier: string;
  resourceIdentifier: string;
  title: string;
  /** 'asset' items launch without the API (they count as completed when opened). */
  scormType: ScormType;
  visible: boolean;
  /** Titles of the containing items, outermost first (for a table of contents). */
  path: string[];
  depth: number;
  /**
   * URL to open, relative to the content root, URL-encoded, with the item's parameters
   * already joined; absolute when the resource points at another site.
   */
  launchUrl: string;
  /** The file that launchUrl opens, decoded, relative to the content root (no query/fragment). */
  launchFile?: string;
  parameters?: string;
  /** SCORM 1.2 `adlcp:masteryscore` (0..100). */
  masteryScore?: number;
  /** 1.2 `adlcp:maxtimeallowed`, or 2004 `imsss:limitConditions@attemptAbsoluteDurationLimit`. */
  maxTimeAllowed?: string;
  /** `exit,message` | `exit,no message` | `continue,message` | `continue,no message`. */
  timeLimitAction?: string;
  /** 1.2 `adlcp:datafromlms`, 2004 `adlcp:dataFromLMS`: becomes cmi launch_data. */
  dataFromLms?: string;
  completionThreshold?: CompletionThreshold;
  /** 2004: from the primary objective when it is satisfied by measure (cmi.scaled_passing_score). */
  scaledPassingScore?: number;
  attemptLimit?: number;
  /** 2004 only; absent in packages imported before it was read, which means the defaults. */
  deliveryControls?: DeliveryControls;
  objectives: ObjectiveSpec[];
}

export interface ParsedPackage {
  version: ScormVersion;
  edition?: Scorm2004Edition;
  identifier: string;
  title: string;
  description?: string;
  /** LOM `educational/typicalLearningTime` of the package, in seconds, when it gives one. */
  typicalLearningSeconds?: number;
  /** Folder (relative to the extraction, `/`-separated) holding imsmanifest.xml; '' normally. */
  contentRoot: string;
  organization: { identifier: string; title: string };
  items: ManifestItem[];
  scos: FlatSco[];
  /** SCORM 2004: the organisation as scorm-again's activity tree, and what sequencing it uses. */
  sequencing?: SequencingImport;
  notices: PackageNotice[];
}
