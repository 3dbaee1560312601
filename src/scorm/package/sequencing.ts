/**
 * SCORM 2004 sequencing (IMS Simple Sequencing with the ADL extensions) read from the chosen
 * organisation and converted into the activity tree that scorm-again's sequencing engine takes
 * (`new Scorm2004API({ sequencing: { activityTree } })`). The engine does the sequencing.
 *
 * Every control is written out, with the IMS SS default when the manifest is silent: the
 * engine's own defaults differ (flow is on there and off in IMS SS; its objective maps read
 * completion and scores unless told not to, which only adlseq:mapInfo may ask for).
 */
import type { Element } from '@xmldom/xmldom';
import type { NoticeCode, PackageNotice } from './errors.js';
import type { SequencingContext } from './sequencing-context.js';
import {
  ADLCP,
  attribute,
  childElement,
  childElements,
  CP,
  IMSSS,
  label,
  lineOf,
  textOf,
  type NsSet,
} from './xml.js';
import {
  ADLSEQ,
  ADLNAV,
  GLOBAL_NS,
  count,
  decimalIn,
  timeInterval,
  token,
  ALL_OR_ANY,
  HIDE_LMS_UI,
  RULE_CONDITIONS,
  RULE_ACTIONS,
  ROLLUP_CONDITIONS,
  ROLLUP_ACTIONS,
  UNEVALUATED_ROLLUP,
  ATTRIBUTE_FEATURES,
  type Field,
  type Spec,
  type Values,
  on,
  off,
  oneOf,
  CONTROL_MODE,
  ATTEMPT_INFO,
  ROLLUP_CONTROLS,
  CHOICE_CONSIDERATIONS,
  DELIVERY_CONTROLS,
  RANDOMIZATION,
  ROLLUP_CONSIDERATIONS,
  THRESHOLD,
  SHARED_DATA,
  MEASURE,
  MAP_INFO,
  ADLSEQ_MAP_INFO,
  CONDITION,
  ROLLUP_RULE,
} from './sequencing-vocabulary.js';

/** The limit conditions SCORM 2004's profile asks an LMS to honour (SN 3.5). */
const SUPPORTED_LIMITS = new Set(['attemptLimit', 'attemptAbsoluteDurationLimit']);

/**
 * scorm-again 3.4.3's ActivitySettings (dist/types/types/sequencing_types.d.ts), as this
 * conversion fills it. Its own declarations cannot be used: they import without file extensions,
 * which NodeNext does not resolve (they come out as `any`), and they type vocabularies as enums
 * where the engine reads plain strings. Objectives and rules have the shapes their readers return.
 */
export interface ActivitySettings {
  id: string;
  title: string;
  children?: ActivitySettings[];
  isVisible?: boolean;
  attemptLimit?: number;
  attemptAbsoluteDurationLimit?: string;
  primaryObjective?: ObjectiveSettings;
  objectives?: ObjectiveSettings[];
  sequencingControls: Values<typeof CONTROL_MODE & typeof ATTEMPT_INFO & typeof ROLLUP_CONTROLS> &
    Values<typeof CHOICE_CONSIDERATIONS> &
    Omit<Values<typeof RANDOMIZATION>, 'reorderChildren'> & { randomizeChildren: boolean };
  deliveryControls: Values<typeof DELIVERY_CONTROLS>;
  sequencingRules?: Partial<Record<`${RuleKind}s`, SequencingRuleSettings[]>>;
  rollupRules?: { rules: RollupRuleSettings[] };
  rollupConsiderations: Values<typeof ROLLUP_CONSIDERATIONS>;
  completionThreshold?: Values<typeof THRESHOLD>;
  hideLmsUi?: Array<(typeof HIDE_LMS_UI)[number]>;
  auxiliaryResources?: Array<{ resourceId: string; purpose: string }>;
  sharedDataMaps?: Array<{ targetID: string } & Values<typeof SHARED_DATA>>;
}
type RuleKind = keyof typeof RULE_ACTIONS;
export type MapInfoSettings = { targetObjectiveID: string } & Values<
  typeof MAP_INFO & typeof ADLSEQ_MAP_INFO
>;
export type ObjectiveSettings = NonNullable<ReturnType<ActivityReader['objective']>>;
export type SequencingRuleSettings = NonNullable<ReturnType<ActivityReader['sequencingRule']>>;
export type RollupRuleSettings = NonNullable<ReturnType<ActivityReader['rollupRule']>>;

export interface SequencingImport {
  /** The organisation as root activity; always built (IMS SS defaults without sequencing). */
  activityTree: ActivitySettings;
  /** Sequencing features the manifest states explicitly, as sorted stable codes. */
  features: string[];
  /** What the engine's settings cannot express (none in a valid 4th edition package). */
  unsupported: Array<{ item: string; feature: string }>;
  objectivesGlobalToSystem: boolean;
}

interface Run {
  context: SequencingContext;
  features: Set<string>;
  unsupported: SequencingImport['unsupported'];
  seenItems: Set<string>;
}

export function readSequencingTree(
  organization: Element,
  context: SequencingContext,
): SequencingImport {
  const run: Run = { context, features: new Set(), unsupported: [], seenItems: new Set() };
  const id = organization.getAttribute('identifier')?.trim() ?? '';
  const root = new ActivityReader(id, organization, run);
  const activityTree = root.read(textOf(childElement(organization, CP, 'title')) ?? id);
  const global = { objectivesGlobalToSystem: on, sharedDataGlobalToSystem: on };
  const { objectivesGlobalToSystem } = root.attrs(organization, global, GLOBAL_NS);
  const features = [...run.features].sort();
  return { activityTree, features, unsupported: run.unsupported, objectivesGlobalToSystem };
}

/** Reads one activity, an item or the organisation, which its notices name. */
class ActivityReader {
  constructor(
    readonly id: string,
    readonly owner: Element,
    readonly run: Run,
  ) {}

  read(title: string): ActivitySettings {
    const pick = this.sequencing();
    const rollup = pick(IMSSS, 'rollupRules');
    const controlMode = pick(IMSSS, 'controlMode');
    const randomization = pick(IMSSS, 'randomizationControls');
    const { reorderChildren, ...selection } = this.attrs(randomization, RANDOMIZATION);
    const activity: ActivitySettings = {
      id: this.id,
      title,
      sequencingControls: {
        ...this.attrs(controlMode, { ...CONTROL_MODE, ...ATTEMPT_INFO }),
        ...this.attrs(rollup, ROLLUP_CONTROLS),
        ...this.attrs(pick(ADLSEQ, 'constrainedChoiceConsiderations'), CHOICE_CONSIDERATIONS),
        ...selection,
        // scorm-again's reorderChildren is its "children reordered" state, not the control.
        randomizeChildren: reorderChildren,
      },
      deliveryControls: this.attrs(pick(IMSSS, 'deliveryControls'), DELIVERY_CONTROLS),
      rollupConsiderations: this.attrs(pick(ADLSEQ, 'rollupConsiderations'), ROLLUP_CONSIDERATIONS),
      ...this.limits(pick(IMSSS, 'limitConditions')),
      ...this.objectives(pick(IMSSS, 'objectives'), pick(ADLSEQ, 'objectives')),
      ...this.rules(pick(IMSSS, 'sequencingRules'), rollup),
      ...this.auxiliaryResources(pick(IMSSS, 'auxiliaryResources')),
      ...(this.owner.localName === 'item' ? this.itemData() : {}),
    };
    const children: ActivitySettings[] = [];
    for (const item of childElements(this.owner, CP, 'item')) {
      const id = item.getAttribute('identifier')?.trim();
      // organization.ts reports missing and duplicate identifiers; the engine needs unique ids.
      if (!id || this.run.seenItems.has(id)) continue;
      this.run.seenItems.add(id);
      const childTitle = textOf(childElement(item, CP, 'title')) ?? id;
      children.push(new ActivityReader(id, item, this.run).read(childTitle));
    }
    if (children.length > 0) activity.children = children;
    return activity;
  }

  /** An element of the activity's sequencing: its own, else the collection entry's (IDRef). */
  private sequencing(): (ns: NsSet, name: string) => Element | undefined {
    const own = childElement(this.owner, IMSSS, 'sequencing');
    if (!own) return () => undefined;
    const idRef = attribute(own, null, 'IDRef')?.trim();
    const shared = idRef ? this.run.context.collection.get(idRef) : undefined;
    if (idRef) this.run.features.add('sequencingCollection');
    if (idRef && !shared)
      this.notify(own, 'sequencing_reference_missing', { item: this.id, idref: idRef });
    return (ns, name) =>
      childElement(own, ns, name) ?? (shared ? childElement(shared, ns, name) : undefined);
  }

  /**
   * attemptLimit and attemptAbsoluteDurationLimit go to the engine, the two limits SCORM 2004's
   * profile asks an LMS to honour; the duration also reaches the SCO as cmi.max_time_allowed
   * (item-data.ts). scorm-again 3.4.3 reads an attempt's duration from a getter that returns the
   * limit itself, which would keep the activity from ever being delivered: the player measures the
   * attempt instead (public/scorm-sequencing.js). The other limits are outside the profile.
   */
  private limits(element: Element | undefined): Partial<ActivitySettings> {
    if (!element) return {};
    for (const attr of Array.from(element.attributes)) {
      const name = attr.localName ?? attr.name;
      if (attr.namespaceURI === null && !SUPPORTED_LIMITS.has(name))
        this.unsupported(`limitConditions.${name}`);
    }
    // 0, the default, means no limit; so does a zero duration.
    const { attemptLimit, attemptAbsoluteDurationLimit } = this.attrs(element, {
      attemptLimit: [count, 0] as Field<number>,
      attemptAbsoluteDurationLimit: [timeInterval, undefined] as Field<string, undefined>,
    });
    return {
      ...(attemptLimit > 0 ? { attemptLimit } : {}),
      ...(attemptAbsoluteDurationLimit ? { attemptAbsoluteDurationLimit } : {}),
    };
  }

  private objectives(imsss: Element | undefined, adlseq: Element | undefined) {
    if (!imsss) return {};
    this.run.features.add('objectives');
    const primaryElement = childElement(imsss, IMSSS, 'primaryObjective');
    const primaryObjective = primaryElement && this.objective(primaryElement, true);
    const objectives = childElements(imsss, IMSSS, 'objective').flatMap(
      (element) => this.objective(element, false) ?? [],
    );
    const all = primaryObjective ? [primaryObjective, ...objectives] : objectives;
    if (adlseq) this.run.features.add('adlseqObjectives');
    for (const extended of adlseq ? childElements(adlseq, ADLSEQ, 'objective') : []) {
      const id = attribute(extended, null, 'objectiveID')?.trim() ?? '';
      const target = all.find((candidate) => candidate.objectiveID === id);
      if (!target) this.ignored(extended, 'adlseq:objective@objectiveID', id);
      for (const map of target ? childElements(extended, ADLSEQ, 'mapInfo') : [])
        this.addMap(map, ADLSEQ_MAP_INFO, target!.mapInfo);
    }
    return { ...(primaryObjective ? { primaryObjective } : {}), objectives };
  }

  objective(element: Element, isPrimary: boolean) {
    const { satisfiedByMeasure } = this.attrs(element, { satisfiedByMeasure: off });
    if (satisfiedByMeasure) this.run.features.add('satisfiedByMeasure');
    const maps = childElements(element, IMSSS, 'mapInfo');
    if (maps.length > 0) this.run.features.add('objectiveMap');
    let objectiveID = attribute(element, null, 'objectiveID')?.trim();
    // The engine drops an objective without id. A primary objective may lack one; when it
    // matters (measure, maps) it gets one, which the SCO then also sees in cmi.objectives.
    if (!objectiveID && isPrimary && (satisfiedByMeasure || maps.length > 0))
      objectiveID = `${this.id}.primary`;
    if (!objectiveID) {
      if (!isPrimary) this.ignored(element, 'objective@objectiveID', '');
      return undefined;
    }
    const minimum = childElement(element, IMSSS, 'minNormalizedMeasure');
    const measure = this.parsed(minimum, 'minNormalizedMeasure', textOf(minimum), MEASURE);
    const mapInfo: MapInfoSettings[] = [];
    for (const map of maps) this.addMap(map, MAP_INFO, mapInfo);
    // Only then does the minimum count (and set cmi.scaled_passing_score), as in item-data.ts.
    const byMeasure = satisfiedByMeasure ? { minNormalizedMeasure: measure } : {};
    return { objectiveID, isPrimary, satisfiedByMeasure, ...byMeasure, mapInfo };
  }

  /**
   * Adds an imsss:mapInfo (satisfaction, measure) or adlseq:mapInfo (scores, completion,
   * progress) to an objective's maps. Both kinds for one global objective share an entry; the
   * flags of a kind not given stay off.
   */
  private addMap(element: Element, spec: Spec, entries: MapInfoSettings[]): void {
    const targetObjectiveID = attribute(element, null, 'targetObjectiveID')?.trim();
    if (!targetObjectiveID) return this.ignored(element, 'mapInfo@targetObjectiveID', '');
    let entry = entries.find((candidate) => candidate.targetObjectiveID === targetObjectiveID);
    if (!entry) {
      const none = Object.keys({ ...MAP_INFO, ...ADLSEQ_MAP_INFO }).map((name) => [name, false]);
      entry = { targetObjectiveID, ...Object.fromEntries(none) } as MapInfoSettings;
      entries.push(entry);
    }
    Object.assign(entry, this.attrs(element, spec));
  }

  private rules(sequencingRules: Element | undefined, rollup: Element | undefined) {
    const result: Pick<ActivitySettings, 'sequencingRules' | 'rollupRules'> = {};
    for (const kind of Object.keys(RULE_ACTIONS) as RuleKind[]) {
      const found = sequencingRules ? childElements(sequencingRules, IMSSS, kind) : [];
      if (found.length > 0) this.run.features.add(kind);
      const converted = found.flatMap(
        (rule) => this.sequencingRule(rule, RULE_ACTIONS[kind]) ?? [],
      );
      if (converted.length > 0) (result.sequencingRules ??= {})[`${kind}s`] = converted;
    }
    const found = rollup ? childElements(rollup, IMSSS, 'rollupRule') : [];
    if (found.length > 0) this.run.features.add('rollupRule');
    const converted = found.flatMap((rule) => this.rollupRule(rule) ?? []);
    if (converted.length > 0) result.rollupRules = { rules: converted };
    return result;
  }

  sequencingRule(element: Element, actions: Array<(typeof RULE_ACTIONS)[RuleKind][number]>) {
    const rule = this.rule(element, 'rule', actions, RULE_CONDITIONS);
    const conditions = rule?.conditions.map((read) => {
      const { condition, operator, referencedObjective, measureThreshold } = read;
      const byMeasure = condition.startsWith('objectiveMeasure') && !condition.endsWith('Known');
      return {
        condition,
        ...(operator === 'not' ? { operator } : {}),
        ...(referencedObjective ? { referencedObjective } : {}),
        ...(byMeasure ? { parameters: { threshold: measureThreshold } } : {}),
      };
    });
    return rule && conditions && { ...rule, conditions };
  }

  rollupRule(element: Element) {
    const rule = this.rule(element, 'rollup', ROLLUP_ACTIONS, ROLLUP_CONDITIONS);
    const unevaluated = rule?.conditions.find((c) => UNEVALUATED_ROLLUP.includes(c.condition));
    if (unevaluated) this.unsupported(`rollupCondition.${unevaluated.condition}`);
    if (!rule || unevaluated) return undefined;
    const { childActivitySet, minimumCount, minimumPercent } = this.attrs(element, ROLLUP_RULE);
    const conditions = rule.conditions.map(({ condition, operator }) => ({
      // The engine's rollup names activityProgressKnown progressKnown.
      condition: condition === 'activityProgressKnown' ? ('progressKnown' as const) : condition,
      operator,
    }));
    // The engine compares (matching / counted) * 100: exactly this product when the fractions
    // are equal, so no rounding.
    const counts = { minimumCount, minimumPercent: minimumPercent * 100 };
    return { ...rule, ...counts, consideration: childActivitySet, conditions };
  }

  /** A rule's action and conditions; undefined (and noticed) when one of them is unusable. */
  private rule<A extends string, C extends string>(
    rule: Element,
    kind: 'rule' | 'rollup',
    actions: A[],
    vocabulary: C[],
  ) {
    const action = this.required(
      childElement(rule, IMSSS, `${kind}Action`) ?? rule,
      'action',
      actions,
    );
    const set = childElement(rule, IMSSS, `${kind}Conditions`);
    const elements = set ? childElements(set, IMSSS, `${kind}Condition`) : [];
    if (elements.length === 0) this.ignored(rule, `${kind}Conditions`, '');
    const conditions = elements.flatMap((element) => {
      const condition = this.required(element, 'condition', vocabulary);
      return condition ? [{ ...this.attrs(element, CONDITION), condition }] : [];
    });
    if (!action || conditions.length === 0 || conditions.length < elements.length) return undefined;
    const combination = oneOf(ALL_OR_ANY, kind === 'rule' ? 'all' : 'any');
    const { conditionCombination } = this.attrs(set, { conditionCombination: combination });
    return { action, conditionCombination, conditions };
  }

  private auxiliaryResources(element: Element | undefined) {
    const resources = element ? childElements(element, IMSSS, 'auxiliaryResource') : [];
    if (resources.length === 0) return {};
    this.run.features.add('auxiliaryResources');
    const value = (resource: Element, name: string) =>
      attribute(resource, null, name)?.trim() ?? '';
    return {
      auxiliaryResources: resources.map((resource) => ({
        resourceId: value(resource, 'auxiliaryResourceID'),
        purpose: value(resource, 'purpose'),
      })),
    };
  }

  /** What an item holds outside imsss:sequencing: visibility, threshold, hidden UI, data. */
  private itemData(): Partial<ActivitySettings> {
    const { features } = this.run;
    const { isvisible } = this.attrs(this.owner, { isvisible: on });
    if (!isvisible) features.add('isvisible');
    const settings: Partial<ActivitySettings> = { isVisible: isvisible };
    const threshold = childElement(this.owner, ADLCP, 'completionThreshold');
    if (threshold) {
      features.add('completionThreshold');
      settings.completionThreshold = this.attrs(threshold, THRESHOLD);
      const stated = Object.keys(THRESHOLD).some((name) => attribute(threshold, null, name));
      // 3rd edition: no attributes, the text is a minimum progress measure that always applies.
      const legacy = stated ? undefined : textOf(threshold);
      const minimum: Field<number, undefined> = [decimalIn(0, 1), undefined];
      const minProgressMeasure = this.parsed(threshold, 'completionThreshold', legacy, minimum);
      if (minProgressMeasure !== undefined)
        Object.assign(settings.completionThreshold, {
          completedByMeasure: true,
          minProgressMeasure,
        });
    }
    const presentation = childElement(this.owner, ADLNAV, 'presentation');
    const ui = presentation && childElement(presentation, ADLNAV, 'navigationInterface');
    const hidden = (ui ? childElements(ui, ADLNAV, 'hideLMSUI') : []).flatMap(
      (element) => this.required(element, undefined, HIDE_LMS_UI) ?? [],
    );
    if (hidden.length > 0) features.add('hideLMSUI');
    if (hidden.length > 0) settings.hideLmsUi = [...new Set(hidden)];
    const data = childElement(this.owner, ADLCP, 'data');
    const maps = data ? childElements(data, ADLCP, 'map') : [];
    if (maps.length > 0) features.add('sharedData');
    const sharedDataMaps = maps.flatMap((map) => {
      const targetID = attribute(map, null, 'targetID')?.trim();
      if (!targetID) return this.ignored(map, 'map@targetID', '') ?? [];
      return [{ targetID, ...this.attrs(map, SHARED_DATA) }];
    });
    if (sharedDataMaps.length > 0) settings.sharedDataMaps = sharedDataMaps;
    return settings;
  }

  /** The element's attributes by spec: each one absent or invalid (noticed) gets its default. */
  attrs<S extends Spec>(element: Element | undefined, spec: S, ns: NsSet | null = null): Values<S> {
    const values: Record<string, unknown> = {};
    const group = element?.localName ?? '';
    for (const [name, [parse, fallback]] of Object.entries(spec)) {
      const raw = element ? attribute(element, ns, name) : undefined;
      if (raw !== undefined && ATTRIBUTE_FEATURES.includes(group))
        this.run.features.add(`${group}.${name}`);
      values[name] = this.parsed(element, name, raw, [parse, fallback]);
    }
    return values as Values<S>;
  }

  private parsed<T, D>(
    at: Element | undefined,
    field: string,
    raw: string | undefined,
    spec: Field<T, D>,
  ): T | D {
    const [parse, fallback] = spec;
    if (raw === undefined || !at) return fallback;
    const value = parse(raw.trim());
    if (value !== undefined) return value;
    const used = String(fallback ?? 'none');
    this.notify(at, 'sequencing_value_invalid', { item: this.id, field, value: raw, used });
    return fallback;
  }

  /** A token the element means nothing without (an attribute, or the text when no name). */
  private required<T extends string>(element: Element, name: string | undefined, allowed: T[]) {
    const raw = (name ? attribute(element, null, name) : textOf(element)) ?? '';
    const field = name ? `${element.localName}@${name}` : (element.localName ?? '');
    return token(allowed)(raw.trim()) ?? this.ignored(element, field, raw);
  }

  private unsupported(feature: string): void {
    this.run.features.add(feature);
    this.run.unsupported.push({ item: this.id, feature });
  }

  private ignored(at: Element, field: string, value: string): undefined {
    this.notify(at, 'sequencing_element_ignored', { item: this.id, field, value });
    return undefined;
  }

  /** A notice already there (item-data.ts also reports a missing IDRef) is not repeated. */
  private notify(at: Element, code: NoticeCode, params: Record<string, string>): void {
    const { notices, file } = this.run.context;
    const element = label(this.owner);
    const key = JSON.stringify([code, element, params]);
    if (notices.some((n) => JSON.stringify([n.code, n.element, n.params]) === key)) return;
    const line = lineOf(at);
    const notice: PackageNotice = { code, file, element, params };
    notices.push(line ? { ...notice, line } : notice);
  }
}
