import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions count their waitlisted entries, as they count reserved seats: a seat-limited add reads
 * its place in line from the locked session row instead of counting the line.
 */
export class SessionWaitlisted1795700200000 implements MigrationInterface {
  name = 'SessionWaitlisted1795700200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" ADD "waitlisted" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `UPDATE "session" s SET "waitlisted" = w.n FROM (SELECT session_id, count(*)::int AS n FROM schedule_entry WHERE status = 'WAITLISTED' GROUP BY session_id) w WHERE w.session_id = s.id`,
    );
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "session_waitlisted" CHECK ("waitlisted" >= 0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_waitlisted"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "waitlisted"`);
  }
}
