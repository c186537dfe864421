import { ObjectPlan } from './plan';

/** A compiled answer's JSON text, placed into the response as it is (see stringifyResponse). */
export class RawJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** The response body, with compiled answers spliced in without parsing them. */
export function stringifyResponse(result: { data?: Record<string, unknown> | null }): string {
  const { data, ...rest } = result;
  if (!data || !Object.values(data).some((value) => value instanceof RawJson)) return JSON.stringify(result);
  const fields = Object.entries(data).map(([key, value]) => `${JSON.stringify(key)}:${value instanceof RawJson ? value.text : JSON.stringify(value)}`);
  const others = JSON.stringify(rest);
  return `{"data":{${fields.join(',')}}${others === '{}' ? '' : `,${others.slice(1, -1)}`}}`;
}

/** A record from the values StatementBuilder.object selected for it, under the plan's keys and in its order. */
export function assemble(plan: ObjectPlan, values: unknown[]): Record<string, unknown> {
  // As graphql-js builds its results: an alias such as __proto__ is then a key like any other.
  const record: Record<string, unknown> = Object.create(null);
  let i = 0;
  for (const field of plan.fields) {
    if (field.kind === 'literal') {
      record[field.key] = field.value;
      continue;
    }
    const value = values[i++];
    if (field.kind === 'column') record[field.key] = value;
    else if (value === null) record[field.key] = null;
    else if (field.relation.kind === 'one' || (field.relation.kind === 'through' && field.relation.first)) record[field.key] = assemble(field.plan, value as unknown[]);
    else record[field.key] = (value as unknown[][]).map((item) => assemble(field.plan, item));
  }
  return record;
}
