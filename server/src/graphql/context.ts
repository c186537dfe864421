import type { Request, Response } from 'express';
import type { FieldNode } from 'graphql';
import { Keys, Principal, RequestContext } from '../common/request';
import { Pools, RequestScope } from '../db/request-scope';
import type { ReadPlan } from './compiled-reads';
import { Loaders } from './loaders';

/** The HTTP exchange behind a request, when there is one (not for in-process calls). */
export interface HttpExchange {
  req: Request;
  res: Response;
  clientAddress: string;
  secureCookies: boolean;
}

/** What every request shares, built once at start-up; app.ts adds the modules' services (auth). */
export interface Services {
  pools: Pools;
  keys: Keys;
}

export interface Context extends RequestContext {
  scope: RequestScope;
  loaders: Loaders;
  newLoaders(): Loaders;
  http?: HttpExchange;
  /** While the compiled-reads plugin runs a query's root fields: its plan for each. */
  compiledPlans?: Map<FieldNode, ReadPlan>;
}

/** A request's context: its scope and loaders, and what `services` shares besides the pools. */
export function createContext<S extends Services>({ pools, ...shared }: S, principal: Principal, http?: HttpExchange): Context & Omit<S, 'pools'> {
  const scope = new RequestScope(pools, principal);
  return { ...shared, principal, scope, loaders: new Loaders(scope), newLoaders: () => new Loaders(scope), http };
}
