import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795605200648 implements MigrationInterface {
  name = 'Notifications1795605200648';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "recipient_email" character varying(254) NOT NULL, "event_key" character varying(100) NOT NULL, "change_id" uuid, "session_id" uuid, "title" character varying(300) NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, "mail" boolean NOT NULL DEFAULT true, "mail_claimed_at" TIMESTAMP WITH TIME ZONE, "mailed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notification_once" UNIQUE ("recipient_email", "event_key"), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e1ce86f768e97457c169b2c370" ON "notification"  ("event_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_3feae75c93d85ae75fdda78439" ON "notification"  ("change_id") `);
    await queryRunner.query(
      `CREATE INDEX "notification_inbox" ON "notification"  ("recipient_email", "created_at", "id") `,
    );
    await queryRunner.query(`ALTER TABLE "attendee" ADD "email_updates" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_09f60b20d29682856b1f1798d6f" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_3feae75c93d85ae75fdda78439d" FOREIGN KEY ("change_id") REFERENCES "schedule_change"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_3feae75c93d85ae75fdda78439d"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_09f60b20d29682856b1f1798d6f"`);
    await queryRunner.query(`ALTER TABLE "attendee" DROP COLUMN "email_updates"`);
    await queryRunner.query(`DROP INDEX "public"."notification_inbox"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3feae75c93d85ae75fdda78439"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e1ce86f768e97457c169b2c370"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
