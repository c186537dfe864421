import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Principal, RequestScope } from '../db/request-scope';
import type { AuthService } from '../modules/auth/auth.service';
import { Loaders } from './loaders';

/** The HTTP exchange behind a request, when there is one (not for in-process calls). */
export interface HttpExchange {
  req: Request;
  res: Response;
  clientAddress: string;
  secureCookies: boolean;
}

export interface Context {
  principal: Principal;
  scope: RequestScope;
  loaders: Loaders;
  auth: AuthService;
  http?: HttpExchange;
}

export function createContext(dataSource: DataSource, auth: AuthService, principal: Principal, http?: HttpExchange): Context {
  const scope = new RequestScope(dataSource, principal);
  return { principal, scope, loaders: new Loaders(scope), auth, http };
}
