import { DataSource } from 'typeorm';
import { Principal, RequestScope } from '../db/request-scope';
import { Loaders } from './loaders';

export interface Context {
  principal: Principal;
  scope: RequestScope;
  loaders: Loaders;
}

export function createContext(dataSource: DataSource, principal: Principal): Context {
  const scope = new RequestScope(dataSource, principal);
  return { principal, scope, loaders: new Loaders(scope) };
}
