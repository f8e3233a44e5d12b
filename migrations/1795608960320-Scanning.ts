import { MigrationInterface, QueryRunner } from 'typeorm';

export class Scanning1795608960320 implements MigrationInterface {
  name = 'Scanning1795608960320';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."checkpoint_kind" AS ENUM('ENTRANCE', 'SESSION_ROOM')`);
    await queryRunner.query(
      `CREATE TABLE "checkpoint" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "kind" "public"."checkpoint_kind" NOT NULL, "session_id" uuid, "allowed" "public"."access_level" array NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE, "closes_at" TIMESTAMP WITH TIME ZONE, "exit_scanning" boolean NOT NULL DEFAULT false, "min_attendance_share" numeric(3,2) NOT NULL DEFAULT '0.75', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "checkpoint_session_room" CHECK (("kind" = 'SESSION_ROOM') = ("session_id" IS NOT NULL)), CONSTRAINT "PK_fea86db187949398f8b614f730a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_aeca07056d2c2e87553541a952" ON "checkpoint"  ("edition_id") `);
    await queryRunner.query(`CREATE TYPE "public"."scan_outcome" AS ENUM('ADMITTED', 'DUPLICATE', 'REJECTED')`);
    await queryRunner.query(
      `CREATE TABLE "scan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "checkpoint_id" uuid NOT NULL, "edition_id" uuid NOT NULL, "client_scan_id" character varying(100) NOT NULL, "badge_id" uuid, "attendee_id" uuid, "outcome" "public"."scan_outcome" NOT NULL, "reason" character varying(32), "direction" character varying(3) NOT NULL DEFAULT 'IN', "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "day" date NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "scanned_by" character varying(254) NOT NULL, "device" character varying(100), CONSTRAINT "scan_once" UNIQUE ("checkpoint_id", "client_scan_id"), CONSTRAINT "PK_9868a638d0569ba3fe3bddcef84" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "scan_by_edition_day" ON "scan"  ("edition_id", "day") `);
    await queryRunner.query(`CREATE INDEX "scan_by_checkpoint" ON "scan"  ("checkpoint_id", "outcome") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "scan_admitted_once" ON "scan"  ("checkpoint_id", "attendee_id", "day", "direction") WHERE "outcome" = 'ADMITTED'`,
    );
    await queryRunner.query(
      `CREATE TABLE "lead" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "exhibitor_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "captured_at" TIMESTAMP WITH TIME ZONE NOT NULL, "captured_by" character varying(254) NOT NULL, "contact" jsonb NOT NULL, "notes" text, "rating" smallint, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lead_once" UNIQUE ("exhibitor_id", "attendee_id"), CONSTRAINT "lead_rating" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5), CONSTRAINT "PK_ca96c1888f7dcfccab72b72fffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "lead_by_exhibitor" ON "lead"  ("exhibitor_id", "captured_at", "id") `);
    await queryRunner.query(`ALTER TABLE "edition" ADD "scan_retention_days" integer`);
    await queryRunner.query(`ALTER TABLE "exhibitor" ADD "lead_export_admins_only" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "checkpoint" ADD CONSTRAINT "FK_aeca07056d2c2e87553541a952e" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "checkpoint" ADD CONSTRAINT "FK_8ca6c57ca063feb21526931d248" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scan" ADD CONSTRAINT "FK_9aaee96edfdf2434a7a9d685b10" FOREIGN KEY ("checkpoint_id") REFERENCES "checkpoint"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scan" ADD CONSTRAINT "FK_f0661d6f33b69938e5c06727aa6" FOREIGN KEY ("attendee_id") REFERENCES "attendee"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead" ADD CONSTRAINT "FK_ede82c2d94edfc9fbb0e4b030c9" FOREIGN KEY ("exhibitor_id") REFERENCES "exhibitor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead" ADD CONSTRAINT "FK_d39938a4139cfeb307443bbe6bf" FOREIGN KEY ("attendee_id") REFERENCES "attendee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lead" DROP CONSTRAINT "FK_d39938a4139cfeb307443bbe6bf"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP CONSTRAINT "FK_ede82c2d94edfc9fbb0e4b030c9"`);
    await queryRunner.query(`ALTER TABLE "scan" DROP CONSTRAINT "FK_f0661d6f33b69938e5c06727aa6"`);
    await queryRunner.query(`ALTER TABLE "scan" DROP CONSTRAINT "FK_9aaee96edfdf2434a7a9d685b10"`);
    await queryRunner.query(`ALTER TABLE "checkpoint" DROP CONSTRAINT "FK_8ca6c57ca063feb21526931d248"`);
    await queryRunner.query(`ALTER TABLE "checkpoint" DROP CONSTRAINT "FK_aeca07056d2c2e87553541a952e"`);
    await queryRunner.query(`ALTER TABLE "exhibitor" DROP COLUMN "lead_export_admins_only"`);
    await queryRunner.query(`ALTER TABLE "edition" DROP COLUMN "scan_retention_days"`);
    await queryRunner.query(`DROP INDEX "public"."lead_by_exhibitor"`);
    await queryRunner.query(`DROP TABLE "lead"`);
    await queryRunner.query(`DROP INDEX "public"."scan_admitted_once"`);
    await queryRunner.query(`DROP INDEX "public"."scan_by_checkpoint"`);
    await queryRunner.query(`DROP INDEX "public"."scan_by_edition_day"`);
    await queryRunner.query(`DROP TABLE "scan"`);
    await queryRunner.query(`DROP TYPE "public"."scan_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aeca07056d2c2e87553541a952"`);
    await queryRunner.query(`DROP TABLE "checkpoint"`);
    await queryRunner.query(`DROP TYPE "public"."checkpoint_kind"`);
  }
}
