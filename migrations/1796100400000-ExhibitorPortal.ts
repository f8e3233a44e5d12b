import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exhibitor portal: organizers open booth selection per edition (edition.booth_selection_open);
 * an exhibitor's own booth request is marked on the held booth (booth.requested_at, only while it is
 * ON_HOLD); exhibitors keep a list of lead tags (exhibitor.lead_tags) that their leads carry
 * (lead.tags); a logo per exhibitor is stored in exhibitor_logo (bytes, type, when).
 */
export class ExhibitorPortal1796100400000 implements MigrationInterface {
  name = 'ExhibitorPortal1796100400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "exhibitor_logo" ("exhibitor_id" uuid NOT NULL, "content_type" character varying(20) NOT NULL, "data" bytea NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "exhibitor_logo_type" CHECK ("content_type" IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')), CONSTRAINT "PK_0b204aab839967915130e6a1bd1" PRIMARY KEY ("exhibitor_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "edition" ADD "booth_selection_open" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "exhibitor" ADD "lead_tags" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "booth" ADD "requested_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "lead" ADD "tags" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "booth" ADD CONSTRAINT "booth_requested_on_hold" CHECK ("requested_at" IS NULL OR "status" = 'ON_HOLD')`,
    );
    await queryRunner.query(
      `ALTER TABLE "exhibitor_logo" ADD CONSTRAINT "FK_0b204aab839967915130e6a1bd1" FOREIGN KEY ("exhibitor_id") REFERENCES "exhibitor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exhibitor_logo" DROP CONSTRAINT "FK_0b204aab839967915130e6a1bd1"`);
    await queryRunner.query(`ALTER TABLE "booth" DROP CONSTRAINT "booth_requested_on_hold"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "tags"`);
    await queryRunner.query(`ALTER TABLE "booth" DROP COLUMN "requested_at"`);
    await queryRunner.query(`ALTER TABLE "exhibitor" DROP COLUMN "lead_tags"`);
    await queryRunner.query(`ALTER TABLE "edition" DROP COLUMN "booth_selection_open"`);
    await queryRunner.query(`DROP TABLE "exhibitor_logo"`);
  }
}
