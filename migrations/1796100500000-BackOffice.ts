import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organizers' back office. attendee_roster orders an edition's attendees by name (the attendee
 * list's keyset); attendee_search_trgm serves its search: a trigram GIN index over the lower-cased
 * names, email and company, the exact expression AttendeeRepository matches with LIKE '%term%'
 * (substring search of 3 characters or more). Tracks get a colour (#rrggbb, lower-case).
 */
export class BackOffice1796100500000 implements MigrationInterface {
  name = 'BackOffice1796100500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "track" ADD "colour" character varying(7)`);
    await queryRunner.query(`ALTER TABLE "track" ADD CONSTRAINT "track_colour" CHECK ("colour" ~ '^#[0-9a-f]{6}$')`);
    await queryRunner.query(
      `CREATE INDEX "attendee_roster" ON "attendee"  ("edition_id", "last_name", "first_name", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "attendee_search_trgm" ON "attendee" USING gin ((lower(first_name || ' ' || last_name || ' ' || email || ' ' || coalesce(company, ''))) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."attendee_search_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."attendee_roster"`);
    await queryRunner.query(`ALTER TABLE "track" DROP CONSTRAINT "track_colour"`);
    await queryRunner.query(`ALTER TABLE "track" DROP COLUMN "colour"`);
  }
}
