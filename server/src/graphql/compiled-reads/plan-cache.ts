import { DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLField, GraphQLSchema, Kind, OperationDefinitionNode, visit } from 'graphql';
import { DataSource } from 'typeorm';
import { Lru } from './lru';
import { NotCompiled, Planning, ReadPlan } from './plan';
import { ReadCompiler } from './planner';

/** A query's compiled form: its root fields in order, and the plan of each (none for __typename). */
export interface CompiledOperation {
  roots: { key: string; nodes: FieldNode[]; field?: GraphQLField<unknown, unknown> }[];
  plans: Map<FieldNode, ReadPlan>;
  fragments: Record<string, FragmentDefinitionNode>;
}

/** An operation's plans: by the values of the variables its @skip and @include read (nothing else changes a plan). */
interface OperationPlans {
  shapeVariables: string[];
  byShape: Lru<string, CompiledOperation | NotCompiled>;
}

/** Documents whose plans are kept, and shapes (@skip/@include values) kept per document. */
const PLANNED_OPERATIONS = 500;
const SHAPES_PER_OPERATION = 8;

/** The variables that @skip and @include read anywhere in a document. */
function shapeVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(directive) {
      if (directive.name.value !== 'skip' && directive.name.value !== 'include') return;
      for (const arg of directive.arguments ?? []) if (arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
    },
  });
  return [...names].sort();
}

/**
 * Plans queries, once per document, operation and shape: the selection walk and the statements'
 * texts are then reused by every request that sends the same document (the console and scripts
 * send the same few documents again and again).
 */
export class ReadPlanner {
  private compiler?: ReadCompiler;
  private readonly operations = new Lru<string, OperationPlans>(PLANNED_OPERATIONS);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The operation's plan, or why it has none. `documentKey` names the document's text (Apollo's
   * query hash); `variables` are coerced.
   */
  plan(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, documentKey: string, variables: Record<string, unknown>): CompiledOperation | NotCompiled {
    const operationKey = `${operation.name?.value ?? ''}\0${documentKey}`;
    let plans = this.operations.get(operationKey);
    if (!plans) this.operations.set(operationKey, (plans = { shapeVariables: shapeVariablesOf(document), byShape: new Lru(SHAPES_PER_OPERATION) }));
    const shape = plans.shapeVariables.map((name) => String(variables[name])).join(',');
    let planned = plans.byShape.get(shape);
    if (!planned) plans.byShape.set(shape, (planned = this.planAfresh(schema, document, operation, variables)));
    return planned;
  }

  private planAfresh(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): CompiledOperation | NotCompiled {
    if (operation.operation !== 'query') return new NotCompiled(`a ${operation.operation} is not a read`);
    this.compiler ??= new ReadCompiler(this.dataSource);
    const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
    const planning: Planning = { fragments, variables };
    const queryType = schema.getQueryType()!;
    try {
      const roots: CompiledOperation['roots'] = [];
      const plans = new Map<FieldNode, ReadPlan>();
      for (const [key, nodes] of this.compiler.collect(planning, queryType, [operation.selectionSet])) {
        const name = nodes[0].name.value;
        if (name === '__typename') {
          roots.push({ key, nodes });
          continue;
        }
        const field = queryType.getFields()[name];
        if (!field) throw new NotCompiled(`Query.${name} does not exist`);
        plans.set(nodes[0], this.compiler.plan(planning, field, nodes));
        roots.push({ key, nodes, field });
      }
      if (plans.size === 1) for (const plan of plans.values()) plan.onlyRead = true;
      return { roots, plans, fragments };
    } catch (error) {
      // A directive whose arguments cannot be read (directiveArgumentsGuard refuses them first) leaves the query to ordinary execution too.
      return error instanceof NotCompiled ? error : new NotCompiled(`its directives cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
