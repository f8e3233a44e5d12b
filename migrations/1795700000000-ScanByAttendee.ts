import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scans by attendee (CE credits, and unlinking a deleted attendee) instead of by checkpoint and
 * outcome: a checkpoint's scans are reached through scan_once, and without that index the planner
 * can no longer pick it, with stale statistics, for a badge's earlier admissions (scanning every
 * admission at the door for each badge of an upload).
 */
export class ScanByAttendee1795700000000 implements MigrationInterface {
  name = 'ScanByAttendee1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."scan_by_checkpoint"`);
    await queryRunner.query(`CREATE INDEX "scan_by_attendee" ON "scan" ("attendee_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."scan_by_attendee"`);
    await queryRunner.query(`CREATE INDEX "scan_by_checkpoint" ON "scan" ("checkpoint_id", "outcome") `);
  }
}
