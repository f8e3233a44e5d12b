import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email verification and token versions: an account binds to what is granted to its email only once
 * verified; only one account per address can be verified, unverified ones may share it (sign-up
 * never tells whether an address is taken). Single-use links (verification, password reset) are rows
 * in account_token; the link carries the row's id and an HMAC of it.
 */
export class AccountVerification1796038354773 implements MigrationInterface {
  name = 'AccountVerification1796038354773';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" ADD "email_verified" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "user" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e12875dfb3b1d92d7d7c5377e2"`);
    await queryRunner.query(`CREATE INDEX "user_email" ON "user" ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_verified_email" ON "user" ("email") WHERE "email_verified"`);
    await queryRunner.query(
      `CREATE TABLE "account_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE, "purpose" character varying(16) NOT NULL CHECK ("purpose" IN ('verify', 'reset')), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "account_token_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "account_token_user" ON "account_token" ("user_id", "purpose")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "account_token"`);
    await queryRunner.query(`DROP INDEX "public"."user_verified_email"`);
    await queryRunner.query(`DROP INDEX "public"."user_email"`);
    await queryRunner.query(
      `DELETE FROM "user" a USING "user" b WHERE a.email = b.email AND (a.email_verified, a.created_at) < (b.email_verified, b.created_at)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e12875dfb3b1d92d7d7c5377e2" ON "user" ("email") `);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "token_version"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "email_verified"`);
  }
}
