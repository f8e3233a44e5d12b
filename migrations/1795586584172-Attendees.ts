import { MigrationInterface, QueryRunner } from 'typeorm';

export class Attendees1795586584172 implements MigrationInterface {
  name = 'Attendees1795586584172';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."access_level" AS ENUM('FULL_CONFERENCE', 'EXPO_ONLY', 'EXHIBITOR', 'SPEAKER', 'PRESS', 'STAFF')`,
    );
    await queryRunner.query(
      `CREATE TABLE "attendee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "company" character varying(200), "job_title" character varying(200), "access_level" "public"."access_level" NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE, "calendar_token" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "attendee_email_per_edition" UNIQUE ("edition_id", "email"), CONSTRAINT "PK_070338c19378315cb793abac656" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "attendee_calendar_token" ON "attendee"  ("calendar_token") `);
    await queryRunner.query(`CREATE INDEX "attendee_by_email" ON "attendee"  ("email") `);
    await queryRunner.query(
      `CREATE TYPE "public"."schedule_entry_status" AS ENUM('BOOKMARKED', 'RESERVED', 'WAITLISTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "schedule_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "attendee_id" uuid NOT NULL, "session_id" uuid NOT NULL, "status" "public"."schedule_entry_status" NOT NULL, "seq" BIGSERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "schedule_entry_once" UNIQUE ("attendee_id", "session_id"), CONSTRAINT "PK_3600430a8792b80c5080826616a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "schedule_entry_queue" ON "schedule_entry"  ("session_id", "status", "seq") `,
    );
    await queryRunner.query(`ALTER TABLE "room" ADD "enforce_capacity" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "session_seats_within_capacity" CHECK ("capacity" IS NULL OR "seats_taken" <= "capacity")`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendee" ADD CONSTRAINT "FK_ec7a7f4b931e0164dbacc420b65" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule_entry" ADD CONSTRAINT "FK_c865e8f85670f1e83f938b85a4f" FOREIGN KEY ("attendee_id") REFERENCES "attendee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule_entry" ADD CONSTRAINT "FK_67b0aaa41fb5df5e9011ac34976" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "schedule_entry" DROP CONSTRAINT "FK_67b0aaa41fb5df5e9011ac34976"`);
    await queryRunner.query(`ALTER TABLE "schedule_entry" DROP CONSTRAINT "FK_c865e8f85670f1e83f938b85a4f"`);
    await queryRunner.query(`ALTER TABLE "attendee" DROP CONSTRAINT "FK_ec7a7f4b931e0164dbacc420b65"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_seats_within_capacity"`);
    await queryRunner.query(`ALTER TABLE "room" DROP COLUMN "enforce_capacity"`);
    await queryRunner.query(`DROP INDEX "public"."schedule_entry_queue"`);
    await queryRunner.query(`DROP TABLE "schedule_entry"`);
    await queryRunner.query(`DROP TYPE "public"."schedule_entry_status"`);
    await queryRunner.query(`DROP INDEX "public"."attendee_by_email"`);
    await queryRunner.query(`DROP INDEX "public"."attendee_calendar_token"`);
    await queryRunner.query(`DROP TABLE "attendee"`);
    await queryRunner.query(`DROP TYPE "public"."access_level"`);
  }
}
