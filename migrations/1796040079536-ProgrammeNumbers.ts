import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stable small integers for sessions and speakers: the event and person ids of the programme
 * exports (frab XML, c3voc schedule.json), which conference apps key by an integer. Existing rows
 * are numbered as the column is added; a number is never reused.
 */
export class ProgrammeNumbers1796040079536 implements MigrationInterface {
  name = 'ProgrammeNumbers1796040079536';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" ADD "number" SERIAL NOT NULL`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "session_number_unique" UNIQUE ("number")`);
    await queryRunner.query(`ALTER TABLE "speaker" ADD "number" SERIAL NOT NULL`);
    await queryRunner.query(`ALTER TABLE "speaker" ADD CONSTRAINT "speaker_number_unique" UNIQUE ("number")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "speaker" DROP CONSTRAINT "speaker_number_unique"`);
    await queryRunner.query(`ALTER TABLE "speaker" DROP COLUMN "number"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_number_unique"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "number"`);
  }
}
