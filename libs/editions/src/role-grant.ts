import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from './edition.entity';

/** A role granted in an edition to an email (edition_role), as organizers list them. */
@ObjectType({ description: 'A role granted to an email in one edition' })
export class RoleGrant {
  @Field({ description: 'The address the role is granted to; it applies once its owner has verified it' })
  email: string;
  @Field(() => Role, { description: 'The role' }) role: Role;
  @Field(() => ID, { nullable: true, description: 'The exhibitor an EXHIBITOR role works for' })
  exhibitorId: string | null;
  @Field({ description: "An EXHIBITOR role that manages its exhibitor's profile and staff" })
  exhibitorAdmin: boolean;
  @Field({ description: 'When the role was granted' }) grantedAt: Date;
}
