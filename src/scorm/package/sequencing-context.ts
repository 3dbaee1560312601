import type { Element } from '@xmldom/xmldom';
import type { PackageNotice } from './errors.js';

/** What reading an item's sequencing needs from the whole manifest. */
export interface SequencingContext {
  /** `imsss:sequencingCollection` entries by ID, which items may reference with IDRef. */
  collection: Map<string, Element>;
  notices: PackageNotice[];
  file: string;
}
