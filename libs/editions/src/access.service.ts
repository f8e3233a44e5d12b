import { Injectable } from '@nestjs/common';
import { forbidden, notFound, Principal, unauthenticated } from '@app/core';
import { Role } from './edition.entity';
import { EditionRepository } from './edition.repository';

/** Answers "may this caller do X in this edition", the first line of every service method that needs it. */
@Injectable()
export class AccessService {
  constructor(private readonly editions: EditionRepository) {}

  /** The caller's roles in an edition (ORGANIZER for platform organizers); NOT_FOUND when the edition does not exist. */
  async rolesIn(user: Principal | undefined, editionId: string): Promise<{ roles: Set<Role>; exhibitorIds: string[] }> {
    const { editionExists, roles: rows } = await this.editions.rolesOf(editionId, user?.email ?? '');
    if (!editionExists) throw notFound('Edition', editionId);
    const roles = new Set(rows.map((r) => r.role));
    if (user?.isAdmin) roles.add(Role.ORGANIZER);
    return {
      roles,
      exhibitorIds: rows.flatMap((r) => (r.role === Role.EXHIBITOR && r.exhibitorId ? [r.exhibitorId] : [])),
    };
  }

  /** Whether the caller organizes any edition (or the platform): they may see drafts and counts others do not. */
  async organizesAny(user: Principal): Promise<boolean> {
    if (user.isAdmin) return true;
    if (!user.email) return false;
    return this.editions.organizesAny(user.email);
  }

  /**
   * Which view of the cached public answers a signed-in caller shares: '' for the public view (they
   * organize nothing), else the editions they organize ('*' for platform organizers). Callers with the
   * same view see the same answers to the public reads (one indexed lookup).
   */
  async cacheView(user: Principal): Promise<string> {
    if (user.isAdmin) return '*';
    if (!user.email) return '';
    return (await this.editions.organizedEditions(user.email)).join(',');
  }

  async isOrganizer(user: Principal | undefined, editionId: string): Promise<boolean> {
    if (!user) return false;
    if (user.isAdmin) return true;
    return (await this.rolesIn(user, editionId)).roles.has(Role.ORGANIZER);
  }

  /** UNAUTHENTICATED without a caller, NOT_FOUND for an unknown edition, FORBIDDEN unless the caller has one of the roles (organizers always pass). */
  async require(user: Principal | undefined, editionId: string, ...roles: Role[]): Promise<Set<Role>> {
    if (!user) throw unauthenticated();
    const { roles: have } = await this.rolesIn(user, editionId);
    if (have.has(Role.ORGANIZER) || roles.some((role) => have.has(role))) return have;
    throw forbidden(
      roles.length
        ? `Needs one of the roles ${[Role.ORGANIZER, ...roles].join(', ')} in this edition`
        : 'Only organizers of this edition may do this',
    );
  }

  requireOrganizer(user: Principal | undefined, editionId: string): Promise<Set<Role>> {
    return this.require(user, editionId);
  }

  requireAdmin(user: Principal | undefined): void {
    if (!user) throw unauthenticated();
    if (!user.isAdmin) throw forbidden('Only platform organizers may do this');
  }
}
