import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Badge print sheets rendered by the worker: a request stores its filter and is queued; the worker
 * renders the matching active badges and stores the PDF; a signed link that expires with the row
 * serves it. Expired rows are deleted as new ones are requested.
 */
export class PrintSheets1796038661751 implements MigrationInterface {
  name = 'PrintSheets1796038661751';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "print_sheet" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL REFERENCES "edition" ("id") ON DELETE CASCADE, "filter" jsonb NOT NULL, "state" character varying(8) NOT NULL DEFAULT 'QUEUED' CONSTRAINT "print_sheet_state" CHECK ("state" IN ('QUEUED', 'READY', 'FAILED')), "pages" integer, "pdf" bytea, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ready_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "print_sheet_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "print_sheet_by_edition" ON "print_sheet" ("edition_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "print_sheet_expiry" ON "print_sheet" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "print_sheet"`);
  }
}
