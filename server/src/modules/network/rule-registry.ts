import { BatchReads } from '../../common/request';
import { DomainError, ErrorCode } from '../../common/errors';
import { FundingTier, Measure, RuleCode } from '../measure/measure.entity';
import type { Network } from './network.entity';

/**
 * LIMIT: a hard limit, a write that breaks it is refused whatever the network's status.
 * FLAG: a compliance flag, shown in the report, blocking activation, and refusing only the writes
 * that newly break it on an ACTIVE network.
 */
export type RuleKind = 'LIMIT' | 'FLAG';

/** What a rule finds wrong, in both languages. */
export interface RuleFinding {
  /** What it concerns: a field of the network (endDate, plannedSuspended, …) or one of its lists (members, companies, allocations, recipientEnrolments). */
  field: string;
  message: string;
  messageEn: string;
  /** Records involved, where that helps (partners, companies, allocations, fund sources, enrolments). */
  ids?: string[];
  /** Set when the rule is not broken yet: the day it will be (a member's planned departure). */
  from?: string | null;
}

export interface RuleViolation {
  rule: RuleCode;
  message: string;
  messageEn: string;
  ids: string[];
  field: string;
  from: string | null;
}

/** The measure's parameters as rules read them: its columns (editable by administrators) and its funding tiers. */
export type RuleParameters = Measure & { tiers: FundingTier[] };

/** One rule of the measures, declared once in the module that owns its data. */
export interface NetworkRule<L = unknown> {
  code: RuleCode;
  /** The module that declares it (rule_codes.owner). */
  owner: string;
  kind: RuleKind;
  /** What the rule needs, read through the batch loaders (a list of networks costs a few queries). */
  load(network: Network, loaders: BatchReads): Promise<L>;
  /** Pure: what is wrong with what was loaded, under the measure's parameters. */
  evaluate(loaded: L, params: RuleParameters, network: Network): RuleFinding[];
  /** The CRUD resources whose writes can change its outcome. */
  reachedBy: readonly string[];
  /** The trigger or constraint that also enforces it in the database: the report says what it says. */
  enforcedBy?: string;
  /** A LIMIT that binds every network, whether or not its measure lists the rule (a fund's budget). */
  everyMeasure?: boolean;
  /**
   * Its findings' ids are the records that break it (enrolments, say): on an ACTIVE network that
   * already broke it, a write adding a record to them still newly breaks it.
   */
  namesOffenders?: boolean;
}

/** Declares a rule; registering it (modules/network-rules.ts) is what makes the network module run it. */
export function defineNetworkRule<L>(rule: NetworkRule<L>): NetworkRule<L> {
  if (!rule.reachedBy.length) throw new Error(`Rule ${rule.code}: reachedBy names no resource`);
  if (rule.everyMeasure && rule.kind !== 'LIMIT') throw new Error(`Rule ${rule.code}: only a LIMIT binds every measure`);
  return Object.freeze({ ...rule });
}

/** A rule whatever it loads: the registry keeps rules of many shapes in one list. */
export type AnyNetworkRule = NetworkRule<any>;
let registered: readonly AnyNetworkRule[] = [];

/** Hands the network module the rules it runs (server/src/registry.ts does, from modules/network-rules.ts). */
export function registerNetworkRules(rules: readonly AnyNetworkRule[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    const key = `${rule.code}/${rule.owner}`;
    if (seen.has(key)) throw new Error(`Rule ${rule.code} of ${rule.owner} is registered twice`);
    seen.add(key);
  }
  registered = [...rules];
}

/** The registered rules; none means the registration list was never loaded, which no report may hide. */
export function networkRules(): readonly AnyNetworkRule[] {
  if (!registered.length) throw new Error('No network rule is registered: load server/src/registry.ts (modules/network-rules.ts)');
  return registered;
}

/** The measure's parameters for a network, through the loaders. */
export async function ruleParameters(network: Network, loaders: BatchReads): Promise<RuleParameters> {
  const [measure, tiers] = await Promise.all([
    loaders.byId(Measure).load(network.measureId),
    loaders.manyBy(FundingTier, 'measureId', 'minRecipients').load(network.measureId),
  ]);
  if (!measure) throw new Error(`Network ${network.id}: measure ${network.measureId} not found`);
  return { ...measure, tiers };
}

/**
 * Runs the registered rules that bind a network, in the order its measure lists them: those its
 * measure lists, and with `limits` the LIMITs that bind every measure; `which` narrows them. Every
 * rule loads at once, so the loaders batch their reads.
 */
export async function evaluateNetworkRules(
  network: Network,
  loaders: BatchReads,
  options: { which?: (rule: AnyNetworkRule) => boolean; limits?: boolean; params?: RuleParameters } = {},
): Promise<RuleViolation[]> {
  const p = options.params ?? (await ruleParameters(network, loaders));
  const order = (code: RuleCode) => (p.rules.includes(code) ? p.rules.indexOf(code) : p.rules.length);
  const rules = networkRules()
    .filter((rule) => (p.rules.includes(rule.code) || (options.limits && rule.everyMeasure)) && (options.which?.(rule) ?? true))
    .sort((a, b) => order(a.code) - order(b.code));
  const loaded = await Promise.all(rules.map((rule) => rule.load(network, loaders)));
  return rules.flatMap((rule, i) => rule.evaluate(loaded[i], p, network).map((f) => violationOf(rule.code, f)));
}

export const violationOf = (rule: RuleCode, f: RuleFinding): RuleViolation => ({ rule, message: f.message, messageEn: f.messageEn, ids: f.ids ?? [], field: f.field, from: f.from ?? null });

/** A refusal for a rule of the measures: the message in Italian, its English in `messageEn`, the rules broken in `violations`. */
export const ruleViolation = (message: string, messageEn: string, violations: RuleViolation[] = [], details: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.RULE_VIOLATION, message, { violations, messageEn, ...details });
