import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, IdArg, Principal, Public } from '@app/core';
import { BadgeKeysService } from './badge-keys.service';
import { BadgeSigningKey } from './signing-key.entity';

@Resolver()
export class BadgeKeysResolver {
  constructor(private readonly keys: BadgeKeysService) {}

  @Public()
  @Query(() => [BadgeSigningKey], { description: "Public keys that verify this edition's badge codes (see the README for the code format)" })
  badgeVerificationKeys(@IdArg('editionId') editionId: string): Promise<BadgeSigningKey[]> {
    return this.keys.verificationKeys(editionId);
  }

  @Mutation(() => BadgeSigningKey, { description: 'A new key signs new badge codes; codes signed with older keys stay valid until retired' })
  rotateBadgeKey(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<BadgeSigningKey> {
    return this.keys.rotate(user, editionId);
  }

  @Mutation(() => Boolean, { description: 'Codes signed with this key stop being valid; false for the key that signs now (rotate first)' })
  retireBadgeKey(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string, @Args('kid') kid: string): Promise<boolean> {
    return this.keys.retire(user, editionId, kid);
  }
}
