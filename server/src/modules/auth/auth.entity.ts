import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { User } from '../user/user.entity';

/** Kept in reti_private.api_tokens, which the app role reaches only through the auth_* functions. */
@ObjectType({ description: 'A personal API token for scripts. The secret is shown only when it is created.' })
export class ApiToken {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Access token (JWT) for the Authorization: Bearer header.' }) token: string;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => User) user: User;
}

@ObjectType()
export class CreatedApiToken {
  @Field({ description: 'The secret. Store it now: it cannot be shown again.' }) secret: string;
  @Field(() => ApiToken) apiToken: ApiToken;
}
