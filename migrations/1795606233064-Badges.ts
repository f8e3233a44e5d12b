import { MigrationInterface, QueryRunner } from 'typeorm';

export class Badges1795606233064 implements MigrationInterface {
  name = 'Badges1795606233064';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."badge_status" AS ENUM('PENDING', 'ACTIVE', 'REVOKED')`);
    await queryRunner.query(
      `CREATE TABLE "badge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "version" integer NOT NULL, "status" "public"."badge_status" NOT NULL DEFAULT 'PENDING', "batch_id" uuid, "code" character varying(200), "qr_svg" text, "pdf" bytea, "error" text, "failed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "activated_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "badge_version" UNIQUE ("attendee_id", "version"), CONSTRAINT "PK_76b7011c864d4521a14a5196c49" PRIMARY KEY ("id"))`,
    );
    // PDFs are deflated already: PostgreSQL should store them out of line without trying to compress them again.
    await queryRunner.query(`ALTER TABLE "badge" ALTER COLUMN "pdf" SET STORAGE EXTERNAL`);
    await queryRunner.query(`CREATE INDEX "IDX_a994a736f67afc6baaf8c82055" ON "badge"  ("batch_id") `);
    await queryRunner.query(
      `CREATE INDEX "badge_revocations" ON "badge"  ("edition_id", "revoked_at") WHERE "revoked_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "badge_current" ON "badge"  ("attendee_id") WHERE "status" <> 'REVOKED'`,
    );
    await queryRunner.query(
      `CREATE TABLE "badge_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "total" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a994a736f67afc6baaf8c820553" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "badge" ADD CONSTRAINT "FK_9a9b37a94a06935ab29d39fe5c9" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "badge" ADD CONSTRAINT "FK_b35594f2f0e60734f2aa067200f" FOREIGN KEY ("attendee_id") REFERENCES "attendee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "badge" ADD CONSTRAINT "FK_a994a736f67afc6baaf8c820553" FOREIGN KEY ("batch_id") REFERENCES "badge_batch"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "badge_batch" ADD CONSTRAINT "FK_ac4a7593e4f1f0f0d6057df9fb2" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "badge_batch" DROP CONSTRAINT "FK_ac4a7593e4f1f0f0d6057df9fb2"`);
    await queryRunner.query(`ALTER TABLE "badge" DROP CONSTRAINT "FK_a994a736f67afc6baaf8c820553"`);
    await queryRunner.query(`ALTER TABLE "badge" DROP CONSTRAINT "FK_b35594f2f0e60734f2aa067200f"`);
    await queryRunner.query(`ALTER TABLE "badge" DROP CONSTRAINT "FK_9a9b37a94a06935ab29d39fe5c9"`);
    await queryRunner.query(`DROP TABLE "badge_batch"`);
    await queryRunner.query(`DROP INDEX "public"."badge_current"`);
    await queryRunner.query(`DROP INDEX "public"."badge_revocations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a994a736f67afc6baaf8c82055"`);
    await queryRunner.query(`DROP TABLE "badge"`);
    await queryRunner.query(`DROP TYPE "public"."badge_status"`);
  }
}
