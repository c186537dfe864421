import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Role = 'ADMIN' | 'EDITOR' | 'ANALYST';
interface AccessQuestion {
  role: Role;
  action: string;
  resource: string;
  actingTenantId: string | null;
  thirdSectorBody?: boolean;
}
// The console's own rule, loaded at run time: its module imports browser-only types the tests' type check has no DOM for.
const { canAccess } = require('../../admin/src/providers/permissions') as { canAccess: (question: AccessQuestion) => boolean };

/**
 * The console's routes as it declares them: each <Resource> of admin/src/App.tsx with the views its
 * resources/<name>/index.ts defines, and the paths of its <CustomRoutes>. Read from the sources, so a
 * resource or a view added there is a route the browser tests visit without being told.
 */
const ADMIN_SRC = path.resolve(__dirname, '../../admin/src');
const VIEWS = ['list', 'create', 'show', 'edit'] as const;
export type View = (typeof VIEWS)[number];

export interface DeclaredResource {
  name: string;
  views: View[];
}

const appSource = () => readFileSync(path.join(ADMIN_SRC, 'App.tsx'), 'utf8');
const importsOf = (source: string) => new Map([...source.matchAll(/^import \{?\s*(\w+)\s*\}? from '(\.[\w./]+)';$/gm)].map((m) => [m[1], m[2]]));
const moduleFile = (from: string) => ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => path.join(ADMIN_SRC, from + ext)).find(existsSync);

export function declaredResources(): DeclaredResource[] {
  const app = appSource();
  const imports = importsOf(app);
  const resources = [...app.matchAll(/<Resource name="(\w+)"(?: \{\.\.\.(\w+)\})? \/>/g)].map(([, name, spread]) => {
    if (!spread) return { name, views: [] };
    const file = moduleFile(imports.get(spread)!);
    if (!file) throw new Error(`App.tsx spreads ${spread}, whose module was not found`);
    const source = readFileSync(file, 'utf8');
    return { name, views: VIEWS.filter((view) => new RegExp(`^\\s*${view}:`, 'm').test(source)) };
  });
  if (resources.length < 10) throw new Error(`App.tsx declares only ${resources.length} resources: has its layout changed?`);
  return resources;
}

/** The paths of App.tsx's <Route path={X}>, X being a constant exported by the module it comes from. */
export function customRoutes(): string[] {
  const app = appSource();
  const imports = importsOf(app);
  return [...app.matchAll(/<Route path=\{(\w+)\}/g)].map(([, constant]) => {
    const source = readFileSync(moduleFile(imports.get(constant)!)!, 'utf8');
    const value = source.match(new RegExp(`export const ${constant} = '([^']+)'`))?.[1];
    if (!value) throw new Error(`${constant} is not a string constant`);
    return value.replace(/^\//, '');
  });
}

export interface RoleRoutes {
  /** Routes without a record: lists and create forms. */
  plain: string[];
  /** Resources whose show or edit views the role may open, and which of the two. */
  records: { resource: string; views: ('show' | 'edit')[] }[];
}

/** What a role may open, as the console's own authProvider.canAccess decides. */
export function routesFor(role: Role, thirdSectorBody: boolean): RoleRoutes {
  const can = (action: string, resource: string) => canAccess({ role, action, resource, actingTenantId: null, thirdSectorBody });
  const plain: string[] = [];
  const records: RoleRoutes['records'] = [];
  for (const { name, views } of declaredResources()) {
    if (views.includes('list') && can('list', name)) plain.push(name);
    if (views.includes('create') && can('create', name)) plain.push(`${name}/create`);
    const recordViews = (['show', 'edit'] as const).filter((view) => views.includes(view) && can(view, name));
    if (recordViews.length) records.push({ resource: name, views: recordViews });
  }
  return { plain, records };
}
