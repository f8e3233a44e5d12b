import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The offline-first scanner: a scan names its device (device_id, was device), says what an offline
 * scanner showed (offline_outcome) and may be annulled (annulled_at: the admission stops counting,
 * so the one-admission index leaves annulled rows out). badge_roster pages an edition's badges for
 * the scanners' dataset.
 */
export class ScannerOffline1796100000000 implements MigrationInterface {
  name = 'ScannerOffline1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scan" RENAME COLUMN "device" TO "device_id"`);
    await queryRunner.query(`ALTER TABLE "scan" ADD "offline_outcome" "public"."scan_outcome"`);
    await queryRunner.query(`ALTER TABLE "scan" ADD "annulled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`DROP INDEX "public"."scan_admitted_once"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "scan_admitted_once" ON "scan"  ("checkpoint_id", "attendee_id", "day", "direction") WHERE "outcome" = 'ADMITTED' AND "annulled_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "badge_roster" ON "badge"  ("edition_id", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."badge_roster"`);
    await queryRunner.query(`DROP INDEX "public"."scan_admitted_once"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "scan_admitted_once" ON "scan"  ("checkpoint_id", "attendee_id", "day", "direction") WHERE "outcome" = 'ADMITTED'`,
    );
    await queryRunner.query(`ALTER TABLE "scan" DROP COLUMN "annulled_at"`);
    await queryRunner.query(`ALTER TABLE "scan" DROP COLUMN "offline_outcome"`);
    await queryRunner.query(`ALTER TABLE "scan" RENAME COLUMN "device_id" TO "device"`);
  }
}
