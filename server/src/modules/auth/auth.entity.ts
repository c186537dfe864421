import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../user/user.entity';

@ObjectType({ description: 'A personal API token for scripts. The secret is shown only when it is created.' })
@Entity('api_tokens')
export class ApiToken {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @Field() @Column('text') name: string;
  @Column('text', { select: false }) tokenHash: string;
  @Field(() => GraphQLISODateTime) @Column('timestamptz') expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column('timestamptz', { nullable: true }) lastUsedAt: Date | null;
  @Field(() => GraphQLISODateTime) @Column('timestamptz') createdAt: Date;
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
