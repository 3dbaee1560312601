/**
 * The SCORM data attached to an item: 1.2 `adlcp:*` elements, 2004 `adlcp:*` elements and
 * IMS Simple Sequencing objectives and limits. These seed the run-time (mastery score,
 * launch data, time limits, completion threshold, objectives) before the SCO starts.
 */
import type { Element } from '@xmldom/xmldom';
import type { SequencingContext } from './sequencing-context.js';
import type {
  CompletionThreshold,
  DeliveryControls,
  ObjectiveSpec,
  ScormVersion,
} from './types.js';
import { ADLCP, attribute, childElement, childElements, IMSSS, label, textOf } from './xml.js';

export interface ItemData {
  masteryScore?: number;
  maxTimeAllowed?: string;
  timeLimitAction?: string;
  dataFromLms?: string;
  completionThreshold?: CompletionThreshold;
  scaledPassingScore?: number;
  attemptLimit?: number;
  deliveryControls?: DeliveryControls;
  objectives: ObjectiveSpec[];
}

function number(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : undefined;
}

function boolean(value: string | undefined, fallback: boolean): boolean {
  const v = value?.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return fallback;
}

function adlcpText(item: Element, name: string): string | undefined {
  return textOf(childElement(item, ADLCP, name));
}

export function readItemData(
  item: Element,
  version: ScormVersion,
  context: SequencingContext,
): ItemData {
  const data: ItemData = { objectives: [] };
  const timeLimitAction = adlcpText(item, 'timelimitaction')
    ?.toLowerCase()
    .replace(/\s*,\s*/, ',');
  if (timeLimitAction) data.timeLimitAction = timeLimitAction;
  // Launch data is passed to the SCO verbatim; only the XML indentation around it is dropped.
  const dataFromLms = adlcpText(item, 'datafromlms');
  if (dataFromLms !== undefined) data.dataFromLms = dataFromLms;
  if (version === 'scorm12') {
    const mastery = number(adlcpText(item, 'masteryscore'));
    if (mastery !== undefined && mastery >= 0 && mastery <= 100) data.masteryScore = mastery;
    const maxTime = adlcpText(item, 'maxtimeallowed');
    if (maxTime) data.maxTimeAllowed = maxTime;
    return data;
  }
  const threshold = childElement(item, ADLCP, 'completionThreshold');
  if (threshold) data.completionThreshold = readCompletionThreshold(threshold);
  readSequencing(item, data, context);
  return data;
}

function readCompletionThreshold(element: Element): CompletionThreshold {
  const min = number(attribute(element, null, 'minProgressMeasure'));
  const byMeasure = attribute(element, null, 'completedByMeasure');
  const weight = number(attribute(element, null, 'progressWeight'));
  if (min === undefined && byMeasure === undefined && weight === undefined) {
    // 3rd edition: the element's text is the threshold and is always applied.
    return { completedByMeasure: true, minProgressMeasure: number(textOf(element)) ?? 1 };
  }
  // 4th edition defaults (CAM 4th ed., adlcp:completionThreshold).
  return {
    completedByMeasure: boolean(byMeasure, false),
    minProgressMeasure: min ?? 1,
    ...(weight !== undefined ? { progressWeight: weight } : {}),
  };
}

const DEFAULT_DELIVERY: DeliveryControls = {
  tracked: true,
  completionSetByContent: false,
  objectiveSetByContent: false,
};

function readSequencing(item: Element, data: ItemData, context: SequencingContext): void {
  const own = childElement(item, IMSSS, 'sequencing');
  if (!own) {
    data.deliveryControls = DEFAULT_DELIVERY;
    return;
  }
  // An item's own sequencing overrides, element by element, the collection entry it names.
  const idRef = attribute(own, null, 'IDRef');
  let shared: Element | undefined;
  if (idRef) {
    shared = context.collection.get(idRef);
    if (!shared) {
      context.notices.push({
        code: 'sequencing_reference_missing',
        file: context.file,
        element: label(item),
        params: { item: item.getAttribute('identifier') ?? '', idref: idRef },
      });
    }
  }
  const pick = (name: string) =>
    childElement(own, IMSSS, name) ?? (shared ? childElement(shared, IMSSS, name) : undefined);
  const objectives = pick('objectives');
  if (objectives) {
    data.objectives = readObjectives(objectives);
    const primary = data.objectives.find((objective) => objective.primary);
    if (primary?.satisfiedByMeasure) data.scaledPassingScore = primary.minNormalizedMeasure;
  }
  const delivery = pick('deliveryControls');
  const flag = (name: keyof DeliveryControls) =>
    boolean(delivery ? attribute(delivery, null, name) : undefined, DEFAULT_DELIVERY[name]);
  data.deliveryControls = {
    tracked: flag('tracked'),
    completionSetByContent: flag('completionSetByContent'),
    objectiveSetByContent: flag('objectiveSetByContent'),
  };
  const limits = pick('limitConditions');
  if (limits) {
    const duration = attribute(limits, null, 'attemptAbsoluteDurationLimit');
    if (duration) data.maxTimeAllowed = duration.trim();
    const attempts = number(attribute(limits, null, 'attemptLimit'));
    if (attempts !== undefined && attempts > 0) data.attemptLimit = attempts;
  }
}

function readObjectives(objectives: Element): ObjectiveSpec[] {
  const read = (element: Element, primary: boolean): ObjectiveSpec => ({
    id: attribute(element, null, 'objectiveID')?.trim() ?? '',
    primary,
    satisfiedByMeasure: boolean(attribute(element, null, 'satisfiedByMeasure'), false),
    minNormalizedMeasure: number(textOf(childElement(element, IMSSS, 'minNormalizedMeasure'))) ?? 1,
  });
  return [
    ...childElements(objectives, IMSSS, 'primaryObjective').map((element) => read(element, true)),
    ...childElements(objectives, IMSSS, 'objective').map((element) => read(element, false)),
  ];
}
