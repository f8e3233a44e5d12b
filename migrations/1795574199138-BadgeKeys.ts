import { MigrationInterface, QueryRunner } from 'typeorm';

export class BadgeKeys1795574199138 implements MigrationInterface {
  name = 'BadgeKeys1795574199138';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "badge_signing_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "kid" character varying(16) NOT NULL, "algorithm" character varying(16) NOT NULL DEFAULT 'Ed25519', "public_key_pem" text NOT NULL, "private_key_enc" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "rotated_at" TIMESTAMP WITH TIME ZONE, "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e116e55d9614558cd3b7a713e10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_77058cb7432327aceaabf58537" ON "badge_signing_key"  ("kid") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "one_signing_key_per_edition" ON "badge_signing_key"  ("edition_id") WHERE "rotated_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "badge_signing_key" ADD CONSTRAINT "FK_3874dcec71fc02278341a77583a" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "badge_signing_key" DROP CONSTRAINT "FK_3874dcec71fc02278341a77583a"`);
    await queryRunner.query(`DROP INDEX "public"."one_signing_key_per_edition"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77058cb7432327aceaabf58537"`);
    await queryRunner.query(`DROP TABLE "badge_signing_key"`);
  }
}
