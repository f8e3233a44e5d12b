import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exhibitor search document as a column kept by a trigger, indexed instead of the expression:
 * ranking (ts_rank) and the index recheck then read it, where before they parsed the name and
 * description of every matching row again (most of a broad search's time).
 */
export class ExhibitorSearchDocument1795700100000 implements MigrationInterface {
  name = 'ExhibitorSearchDocument1795700100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exhibitor" ADD "search_document" tsvector`);
    await queryRunner.query(`
            CREATE FUNCTION exhibitor_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.search_document := setweight(to_tsvector('english', NEW.name), 'A') || setweight(to_tsvector('english', coalesce(NEW.description, '')), 'B');
              RETURN NEW;
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER exhibitor_search_document BEFORE INSERT OR UPDATE OF name, description ON "exhibitor" FOR EACH ROW EXECUTE FUNCTION exhibitor_search_document()`,
    );
    await queryRunner.query(`UPDATE "exhibitor" SET "name" = "name"`); // fills the column through the trigger
    await queryRunner.query(`DROP INDEX "public"."exhibitor_search"`);
    await queryRunner.query(`CREATE INDEX "exhibitor_search" ON "exhibitor" USING gin ("search_document")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."exhibitor_search"`);
    await queryRunner.query(
      `CREATE INDEX "exhibitor_search" ON "exhibitor" USING gin ((setweight(to_tsvector('english', "name"), 'A') || setweight(to_tsvector('english', coalesce("description", '')), 'B')))`,
    );
    await queryRunner.query(`DROP TRIGGER exhibitor_search_document ON "exhibitor"`);
    await queryRunner.query(`DROP FUNCTION exhibitor_search_document()`);
    await queryRunner.query(`ALTER TABLE "exhibitor" DROP COLUMN "search_document"`);
  }
}
