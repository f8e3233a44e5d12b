import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { forbidden, notFound, Principal, unauthenticated } from '@app/core';
import { DataSource } from 'typeorm';
import { Role } from './edition.entity';

/** Answers "may this caller do X in this edition", the first line of every service method that needs it. */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The caller's roles in an edition (ORGANIZER for platform organizers); NOT_FOUND when the edition does not exist. */
  async rolesIn(user: Principal | undefined, editionId: string): Promise<{ roles: Set<Role>; exhibitorIds: string[] }> {
    const rows: { role: Role | null; exhibitor_id: string | null }[] = await this.db.query(
      `SELECT r.role, r.exhibitor_id FROM edition e LEFT JOIN edition_role r ON r.edition_id = e.id AND r.email = $2 WHERE e.id = $1`,
      [editionId, user?.email ?? ''],
    );
    if (!rows.length) throw notFound('Edition', editionId);
    const roles = new Set(rows.flatMap((r) => (r.role ? [r.role] : [])));
    if (user?.isAdmin) roles.add(Role.ORGANIZER);
    return { roles, exhibitorIds: rows.flatMap((r) => (r.role === Role.EXHIBITOR && r.exhibitor_id ? [r.exhibitor_id] : [])) };
  }

  /** Whether the caller organizes any edition (or the platform): they may see drafts and counts others do not. */
  async organizesAny(user: Principal): Promise<boolean> {
    if (user.isAdmin) return true;
    if (!user.email) return false;
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM edition_role WHERE email = $1 AND role = 'ORGANIZER' LIMIT 1`, [user.email]);
    return rows.length > 0;
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
    throw forbidden(roles.length ? `Needs one of the roles ${[Role.ORGANIZER, ...roles].join(', ')} in this edition` : 'Only organizers of this edition may do this');
  }

  requireOrganizer(user: Principal | undefined, editionId: string): Promise<Set<Role>> {
    return this.require(user, editionId);
  }

  requireAdmin(user: Principal | undefined): void {
    if (!user) throw unauthenticated();
    if (!user.isAdmin) throw forbidden('Only platform organizers may do this');
  }
}
