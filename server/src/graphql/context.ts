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

/** Server-side keys the resolvers need; they never leave the server and are never logged. */
export interface Keys {
  /** HMAC key for recipients' codici fiscali. */
  recipientHash: Uint8Array;
}

/** What every request shares, built once at start-up. */
export interface Services {
  dataSource: DataSource;
  auth: AuthService;
  keys: Keys;
}

export interface Context {
  principal: Principal;
  scope: RequestScope;
  loaders: Loaders;
  auth: AuthService;
  keys: Keys;
  http?: HttpExchange;
}

export function createContext({ dataSource, auth, keys }: Services, principal: Principal, http?: HttpExchange): Context {
  const scope = new RequestScope(dataSource, principal);
  return { principal, scope, loaders: new Loaders(scope), auth, keys, http };
}
