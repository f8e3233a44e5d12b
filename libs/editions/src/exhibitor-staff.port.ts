import { Injectable } from '@nestjs/common';

/**
 * How a person joins an exhibitor's staff. The rule (the staff allotment, one exhibitor per person
 * and edition, who is an admin) belongs to the exhibitors lib, which imports this one; an
 * organizer's grantRole(EXHIBITOR) reaches it through this port, so both ways in apply one rule.
 */
export interface ExhibitorStaffRule {
  /** `admin: 'first'` makes the person an admin only when the exhibitor has none yet (an organizer seating its first admin). */
  enrolStaff(editionId: string, exhibitorId: string, email: string, admin: boolean | 'first'): Promise<void>;
}

/** Filled by the exhibitors lib at start; the editions lib only knows the interface. */
@Injectable()
export class ExhibitorStaffPort implements ExhibitorStaffRule {
  private rule?: ExhibitorStaffRule;

  provide(rule: ExhibitorStaffRule): void {
    this.rule = rule;
  }

  enrolStaff(editionId: string, exhibitorId: string, email: string, admin: boolean | 'first'): Promise<void> {
    if (!this.rule) throw new Error('No exhibitor staff rule: ExhibitorsModule is not loaded');
    return this.rule.enrolStaff(editionId, exhibitorId, email, admin);
  }
}
