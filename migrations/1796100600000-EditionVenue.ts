import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where an edition takes place (edition.venue), shown and edited in the back office. */
export class EditionVenue1796100600000 implements MigrationInterface {
  name = 'EditionVenue1796100600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "edition" ADD "venue" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "edition" DROP COLUMN "venue"`);
  }
}
