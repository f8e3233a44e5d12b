import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GqlContext, OptionalUser, Principal, Public } from '@app/core';
import { AuthPayload, SignUpInput } from './auth.inputs';
import { AuthService } from './auth.service';
import { User } from './user.entity';

@Resolver(() => User)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload)
  signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    return this.auth.signUp(input);
  }

  @Public()
  @Mutation(() => AuthPayload)
  login(@Args('email') email: string, @Args('password') password: string, @Context() ctx: GqlContext): Promise<AuthPayload> {
    return this.auth.login(email, password, ctx.req.ip ?? 'unknown');
  }

  @Public()
  @Query(() => User, { nullable: true })
  async me(@OptionalUser() user?: Principal): Promise<User | null> {
    return user ? this.auth.findById(user.userId) : null;
  }
}
