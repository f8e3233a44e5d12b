import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, GqlContext, OptionalUser, Principal, Public, TextArg } from '@app/core';
import { AuthPayload, SignUpInput } from './auth.inputs';
import { AuthService } from './auth.service';
import { User } from './user.entity';

const ipOf = (ctx: GqlContext) => ctx.req.ip ?? 'unknown';

@Resolver(() => User)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'A new, unverified account (whether the address is taken or not); the address gets a verification link.',
  })
  signUp(@Args('input') input: SignUpInput, @Context() ctx: GqlContext): Promise<AuthPayload> {
    return this.auth.signUp(input, ipOf(ctx));
  }

  @Public()
  @Mutation(() => AuthPayload)
  login(
    @TextArg('email', 320) email: string,
    @TextArg('password', 200) password: string,
    @Context() ctx: GqlContext,
  ): Promise<AuthPayload> {
    return this.auth.login(email, password, ipOf(ctx));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Uses the token of a verification link (single use, 24 hours).' })
  verifyEmail(@TextArg('token', 200) token: string): Promise<boolean> {
    return this.auth.verifyEmail(token);
  }

  @Mutation(() => Boolean, { description: "Mails a new verification link to the caller's address." })
  resendVerification(@CurrentUser() user: Principal, @Context() ctx: GqlContext): Promise<boolean> {
    return this.auth.resendVerification(user, ipOf(ctx));
  }

  @Mutation(() => AuthPayload, { description: 'Ends every other sign-in; answers a fresh token.' })
  changePassword(
    @CurrentUser() user: Principal,
    @TextArg('currentPassword', 200) currentPassword: string,
    @TextArg('newPassword', 200) newPassword: string,
    @Context() ctx: GqlContext,
  ): Promise<AuthPayload> {
    return this.auth.changePassword(user, currentPassword, newPassword, ipOf(ctx));
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mails a reset link (single use, one hour) if the address has an account. Always true.',
  })
  requestPasswordReset(@TextArg('email', 320) email: string, @Context() ctx: GqlContext): Promise<boolean> {
    return this.auth.requestPasswordReset(email, ipOf(ctx));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Uses the token of a reset link: sets the password, ends every other sign-in, verifies the address.',
  })
  resetPassword(
    @TextArg('token', 200) token: string,
    @TextArg('newPassword', 200) newPassword: string,
  ): Promise<AuthPayload> {
    return this.auth.resetPassword(token, newPassword);
  }

  @Mutation(() => Boolean, { description: "Ends every token of the caller's account, this one included." })
  signOutEverywhere(@CurrentUser() user: Principal): Promise<boolean> {
    return this.auth.signOutEverywhere(user);
  }

  @Public()
  @Query(() => User, { nullable: true })
  async me(@OptionalUser() user?: Principal): Promise<User | null> {
    return user ? this.auth.findById(user.userId) : null;
  }
}
