import { parseCookie } from 'cookie';
import { MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, GraphQLISODateTime, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { User } from '../user/user.entity';
import { ApiToken, AuthPayload, CreatedApiToken } from './auth.entity';
import { AuthService, Session } from './auth.service';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH, refreshCookieOptions } from './cookies';

export { REFRESH_COOKIE };

/** Root fields that answer without a signed-in user. */
export const PUBLIC_FIELDS = new Set(['login', 'refreshSession', 'logout']);

/** The context app.ts builds: the shared one, with the sign-in service. */
export type AuthContext = Context & { auth: AuthService };

function readCookie(ctx: Context, name: string): string | undefined {
  return parseCookie(ctx.http?.req.headers.cookie ?? '')[name];
}

function sessionPayload(ctx: Context, session: Session): AuthPayload {
  ctx.http?.res.cookie(REFRESH_COOKIE, session.refreshSecret, refreshCookieOptions(ctx.http.secureCookies));
  return { token: session.token, expiresAt: session.expiresAt, user: session.user };
}

/** Bounds that keep an absurd sign-in (a megabyte of email) from reaching the database or the hasher. */
@ArgsType()
class LoginArgs {
  @Field() @MaxLength(254) email: string;
  @Field() @MaxLength(1024) password: string;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Signs in. Also sets the httpOnly refresh cookie that keeps the console signed in.' })
  async login(@Args() { email, password }: LoginArgs, @Ctx() ctx: AuthContext): Promise<AuthPayload> {
    return sessionPayload(ctx, await ctx.auth.login(email, password, ctx.http?.clientAddress ?? 'internal'));
  }

  @Mutation(() => AuthPayload, { description: 'A new access token for the refresh cookie, which is rotated.' })
  async refreshSession(@Ctx() ctx: AuthContext): Promise<AuthPayload> {
    return sessionPayload(ctx, await ctx.auth.refresh(readCookie(ctx, REFRESH_COOKIE)));
  }

  @Mutation(() => Boolean, { description: 'Ends the session kept by the refresh cookie.' })
  async logout(@Ctx() ctx: AuthContext): Promise<boolean> {
    await ctx.auth.logout(readCookie(ctx, REFRESH_COOKIE));
    ctx.http?.res.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
    return true;
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user.' })
  me(@Ctx() ctx: AuthContext): Promise<User | null> {
    return ctx.auth.me(ctx.principal);
  }

  @Mutation(() => Boolean)
  async changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword', { description: 'At least 10 characters.' }) newPassword: string,
    @Arg('keepApiTokens', { defaultValue: false, description: 'Keep your API tokens working; by default they are revoked with your sessions.' })
    keepApiTokens: boolean,
    @Ctx() ctx: AuthContext,
  ): Promise<boolean> {
    await ctx.auth.changePassword(ctx.principal, currentPassword, newPassword, keepApiTokens);
    return true;
  }

  @Mutation(() => CreatedApiToken, { description: 'A personal token for scripts: Authorization: Bearer <secret>.' })
  createApiToken(
    @Arg('name') name: string,
    @Arg('expiresAt', () => GraphQLISODateTime) expiresAt: Date,
    @Ctx() ctx: AuthContext,
  ): Promise<CreatedApiToken> {
    return ctx.auth.createApiToken(ctx.principal, name, expiresAt);
  }

  @Query(() => [ApiToken], { description: "The signed-in user's API tokens." })
  apiTokens(@Ctx() ctx: AuthContext): Promise<ApiToken[]> {
    return ctx.auth.listApiTokens(ctx.principal);
  }

  @Mutation(() => ApiToken, { description: 'Revokes an API token at once.' })
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthContext): Promise<ApiToken> {
    return ctx.auth.revokeApiToken(ctx.principal, id);
  }
}
