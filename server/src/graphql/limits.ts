import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, getNamedType, getNullableType, GraphQLError, GraphQLField, isListType, isObjectType, ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { MAX_PER_PAGE } from '../common/request';
import { QUERY_TOO_COMPLEX, RESPONSE_TOO_LARGE } from './errors';

/**
 * What one GraphQL document may ask for. Each budget is checked before any resolver runs, so a
 * refused document costs the server a parse and a walk of its syntax tree, never a SQL statement.
 */
export interface QueryLimits {
  /** Nesting of fields (fragments are flattened: a spread adds no level). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens of the document; parsing stops at the first one over. */
  maxTokens: number;
  /** Selections once every fragment spread is replaced by its fragment: what fragments would multiply. */
  maxFields: number;
  /** Fields to resolve, each list counted as many times as it may have items (see listSize), large ones by their size (fieldWeight). */
  maxCost: number;
  /** Bytes of one response body; a larger answer is replaced by RESPONSE_TOO_LARGE. */
  maxResponseBytes: number;
  /** The same measure of what `__schema` and `__type` select, which maxCost does not count. */
  maxIntrospectionCost: number;
}

/**
 * The console's costliest query (500 measures of 20 fields) costs 11,001 and its deepest reaches
 * depth 4; test/api/limits.test.ts keeps every console query within half of each budget. The
 * bench's roster queries fit as well: 50 networks with members → partner → type, companies and
 * allocations cost 14,101 at depth 6. What is refused is what would hold the server for seconds:
 * 500 networks with their members and allocations, or a cycle through members and networks.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 1000,
  // As many as a document without fragments could hold within maxTokens.
  maxFields: 1000,
  maxCost: 50_000,
  // Twenty times the console's largest page; the bench's largest answers stay under a tenth of it.
  maxResponseBytes: 16 * 1024 * 1024,
  // The full introspection query as graphql-js writes it, every option on (what GraphiQL, codegen
  // and the other tools send), costs 347,093: once per document, not twice.
  maxIntrospectionCost: 400_000,
};

/**
 * Assumed sizes of the one-to-many lists that take no perPage, from the registry's shape (the
 * bench's data: 30 members per network, 20 allocations per network, 3 networks per partner on
 * average): a network's members count 30; its allocations and companies, a partner's networks, a
 * pact's networks and signatories and the other small lists count 20. Two are larger by nature: a
 * province's municipalities (Bergamo has 243) and a fund source's allocations across the tenants
 * the caller sees, which only a page's cap can stand for.
 */
const NESTED_LIST_SIZE = 20;
const LIST_SIZES: Record<string, number> = {
  'Network.members': 30,
  'Province.municipalities': 250,
  'FundSource.allocations': MAX_PER_PAGE,
};

const DESCRIPTIONS: Record<keyof QueryLimits, string> = {
  maxDepth: 'depth',
  maxAliases: 'aliases',
  maxDirectives: 'directives',
  maxTokens: 'tokens',
  maxFields: 'fields once fragments are expanded',
  maxCost: 'cost',
  maxResponseBytes: 'response bytes',
  maxIntrospectionCost: 'introspection cost',
};

function tooComplex(limit: keyof QueryLimits, max: number, measured?: number): GraphQLError {
  // Parsing stops at the first token over, so their count is only known to exceed the limit.
  const found = measured === undefined ? `> ${max}` : String(measured);
  return new GraphQLError(`Query too complex: ${DESCRIPTIONS[limit]} ${found}, limit ${max} (${limit})`, {
    extensions: { code: QUERY_TOO_COMPLEX, limit, max, measured, http: { status: 400 } },
  });
}

/**
 * How many times a field's selection is resolved per parent: a page's perPage, the assumed size of
 * a nested list, 1 otherwise. A page's items are counted by the page field, which holds perPage.
 */
function listSize(parentType: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (typeof args.perPage === 'number') return Math.max(args.perPage, 0);
  if (!isListType(getNullableType(field.type)) || !isObjectType(getNamedType(field.type))) return 1;
  if (field.name === 'items' && parentType.endsWith('Page')) return 1;
  return LIST_SIZES[`${parentType}.${field.name}`] ?? NESTED_LIST_SIZE;
}

/**
 * A field's extension giving its weight in the cost model, for fields that may hold much more than a
 * scalar: `@Field(…) @Extensions(sizeClass(10_000))` on a text of up to 10,000 characters.
 */
export const COST_WEIGHT = 'costWeight';

/**
 * A text of up to `maxChars` characters weighs 1 more than a scalar per 5,000 it may hold (3 for
 * 10,000), JSON objects (an audit row's before and after: a whole record) 10. The console's largest
 * pages (500 co-design actions with their ten sections, 500 audit rows) stay within half the cost
 * budget; what the weights let through is bounded by maxResponseBytes.
 */
export const sizeClass = (maxChars: number) => ({ [COST_WEIGHT]: 1 + Math.ceil(maxChars / 5000) });
const JSON_WEIGHT = 10;
const JSON_TYPES = new Set(['JSON', 'JSONObject']);

function fieldWeight(field: GraphQLField<unknown, unknown>): number {
  const weight = field.extensions?.[COST_WEIGHT];
  if (typeof weight === 'number') return weight;
  return JSON_TYPES.has(getNamedType(field.type).name) ? JSON_WEIGHT : 1;
}

/** Every field costs its weight (1 for most), and what is selected under a list costs once per item it may hold. */
const listCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => fieldWeight(field) + listSize(type.name, field, args) * childComplexity;

/** The response that replaces one over maxResponseBytes: ask for fewer items or fields. */
export function responseTooLarge(max: number, size: number) {
  return {
    message: `La risposta supera ${max} byte: chiedere meno elementi (perPage) o meno campi / The response exceeds ${max} bytes: ask for fewer items (perPage) or fields`,
    extensions: { code: RESPONSE_TOO_LARGE, limit: 'maxResponseBytes', max, measured: size },
  };
}

/** The body as it will be sent, or the refusal when it is over `max` bytes. */
export function capResponse(body: string, max: number): string {
  // A UTF-8 byte count is at most three per UTF-16 unit: most bodies need no count at all.
  if (body.length * 3 <= max) return body;
  const size = Buffer.byteLength(body);
  return size > max ? JSON.stringify({ errors: [responseTooLarge(max, size)] }) : body;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * A document's cost, and apart from it the cost of its introspection. The schema's description is
 * large but finite; it is measured like everything else (lists counted as NESTED_LIST_SIZE items,
 * graphql-js's MaxIntrospectionDepthRule bounding how deep its lists nest) against a budget of its
 * own, so that tools can read the whole schema without widening what data queries may cost.
 */
function documentCost(args: Omit<Parameters<typeof getComplexity>[0], 'estimators'>): { cost: number; introspection: number } {
  let introspection = 0;
  const estimator: ComplexityEstimator = (field) => {
    if (field.type === args.schema.getQueryType() && INTROSPECTION_ROOTS.has(field.field.name)) {
      introspection += listCost(field) as number;
      return 0;
    }
    return listCost(field);
  };
  const cost = getComplexity({ ...args, estimators: [estimator] });
  return { cost, introspection };
}

/** graphql-armor's checks report our error, so that the client gets one code whichever budget is exceeded. */
function armorRejection(limit: keyof QueryLimits, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        // graphql-armor says "… limit of N exceeded, found M." when it exposes limits (its default).
        const measured = /found ([\d.]+)/.exec(error.message)?.[1];
        context?.reportError(tooComplex(limit, max, measured === undefined ? undefined : Number(measured)));
      },
    ],
  };
}

/** graphql-query-complexity's own bound on the selections it walks (10,000, beyond maxFields). */
const NODE_LIMIT = 'Query exceeds the maximum allowed number of nodes.';

/** graphql-js stops parsing with this message ("more that N tokens" in 16.x) past parseOptions.maxTokens. */
const TOKEN_LIMIT = /Document contains more \w+ \d+ tokens/;

/** graphql-js's hints for a misspelt field, argument, type or enum value. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

export interface DocumentLimits {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
}

/**
 * The limits as Apollo Server options, measured in the order that keeps each step cheap:
 * - tokens while parsing (graphql-js's own maxTokens, which stops at the first token over);
 * - depth, aliases, directives and expanded fields with graphql-armor's validation rules, which
 *   count each fragment once, so a document of doubling fragments is measured in linear time;
 * - then, on a document known to be small once expanded, the list-multiplied cost with
 *   graphql-query-complexity and the request's variables (perPage is usually one).
 * Suggestions ("Did you mean …") are masked for everyone: they would map the schema for callers
 * that introspection turns away (anonymous ones, graphql/sign-in.ts).
 */
export function documentLimits(limits: QueryLimits = DEFAULT_QUERY_LIMITS): DocumentLimits {
  const armor = new ApolloArmor({
    // parseOptions.maxTokens instead: graphql-armor's token plugin parses every document a second
    // time, and its unexpectedErrorProcessingRequest hook would hand any internal error to the
    // client as GRAPHQL_VALIDATION_FAILED, past formatError's masking.
    maxTokens: { enabled: false },
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...armorRejection('maxDepth', limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...armorRejection('maxAliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...armorRejection('maxDirectives', limits.maxDirectives) },
    // Unit weights and flattened fragments make graphql-armor's cost the count of expanded selections.
    costLimit: {
      maxCost: limits.maxFields,
      objectCost: 1,
      scalarCost: 1,
      depthCostFactor: 1,
      flattenFragments: true,
      ...armorRejection('maxFields', limits.maxFields),
    },
    // Masked below instead: graphql-armor's mask leaves enum values suggested ("Did you mean the enum value …").
    blockFieldSuggestion: { enabled: false },
  }).protect();

  // A document without variables costs the same every time: Apollo hands over the same parsed document for the same text.
  const costsWithoutVariables = new WeakMap<DocumentNode, Map<string | undefined, { cost: number; introspection: number }>>();
  const measureCost: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          let cost: number;
          let introspection: number;
          const operationName = operation?.name?.value;
          const constant = !request.variables || Object.keys(request.variables).length === 0;
          let costs = constant ? costsWithoutVariables.get(document) : undefined;
          try {
            const known = costs?.get(operationName);
            ({ cost, introspection } = known ?? documentCost({ schema, query: document, operationName, variables: request.variables }));
            if (constant && !known) {
              if (!costs) costsWithoutVariables.set(document, (costs = new Map()));
              costs.set(operationName, { cost, introspection });
            }
          } catch (error) {
            if ((error as Error).message === NODE_LIMIT) throw tooComplex('maxFields', limits.maxFields);
            // Variables that do not fit their types: execution refuses them before any resolver runs.
            return;
          }
          if (cost > limits.maxCost) throw tooComplex('maxCost', limits.maxCost, cost);
          if (introspection > limits.maxIntrospectionCost) throw tooComplex('maxIntrospectionCost', limits.maxIntrospectionCost, introspection);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            error.message = error.message.replace(SUGGESTION, '');
            // Apollo files validation and parse failures under its own codes; ours go out as they were reported.
            const original = error.originalError;
            if (original instanceof GraphQLError && original.extensions.code === QUERY_TOO_COMPLEX) {
              error.extensions.code = QUERY_TOO_COMPLEX;
            } else if (TOKEN_LIMIT.test(error.message)) {
              const refusal = tooComplex('maxTokens', limits.maxTokens);
              error.message = refusal.message;
              Object.assign(error.extensions, refusal.extensions);
            }
          }
        },
      };
    },
  };

  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: armor.validationRules,
    plugins: [measureCost],
  };
}
