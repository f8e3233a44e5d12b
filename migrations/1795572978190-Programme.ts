import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, editions (rooms, tracks, roles), speakers and sessions. */

export class Programme1795572978190 implements MigrationInterface {
  name = 'Programme1795572978190';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // btree_gist: "room_id WITH =" inside the room exclusion constraint; pg_trgm: speaker search.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "password_hash" character varying(200) NOT NULL, "is_admin" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cace4a159ff9f2512dd42373760" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e12875dfb3b1d92d7d7c5377e2" ON "user"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "edition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "year" integer NOT NULL, "timezone" character varying(64) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "edition_days" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_059549460a1473d4477f2f041ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "room" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "capacity" integer NOT NULL, CONSTRAINT "room_name_per_edition" UNIQUE ("edition_id", "name"), CONSTRAINT "room_capacity" CHECK ("capacity" >= 0), CONSTRAINT "PK_c6d46db005d623e691b2fbcba23" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "track" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "name" character varying(200) NOT NULL, CONSTRAINT "track_name_per_edition" UNIQUE ("edition_id", "name"), CONSTRAINT "PK_0631b9bcf521f8fab3a15f2c37e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."role" AS ENUM('ORGANIZER', 'STAFF', 'EXHIBITOR', 'SPEAKER', 'ATTENDEE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "edition_role" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" "public"."role" NOT NULL, "exhibitor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "edition_role_once" UNIQUE ("edition_id", "email", "role"), CONSTRAINT "PK_144e96c7e1c5963b43baafe6ca5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "edition_role_by_email" ON "edition_role"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "speaker" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254), "company" character varying(200), "job_title" character varying(200), "bio" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8441432fc32d602d417bf2687a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "speaker_by_edition_name" ON "speaker"  ("edition_id", "name", "id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."session_format" AS ENUM('KEYNOTE', 'EDUCATION', 'PANEL', 'WORKSHOP', 'THEATER', 'NETWORKING')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."session_status" AS ENUM('DRAFT', 'PUBLISHED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "abstract" text, "format" "public"."session_format" NOT NULL, "status" "public"."session_status" NOT NULL DEFAULT 'DRAFT', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "room_id" uuid, "track_id" uuid, "capacity" integer, "seats_taken" integer NOT NULL DEFAULT '0', "ce_credits" numeric(5,2) NOT NULL DEFAULT '0', "cancel_reason" text, "revision" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_seats" CHECK ("seats_taken" >= 0), CONSTRAINT "session_capacity" CHECK ("capacity" IS NULL OR "capacity" >= 0), CONSTRAINT "session_time_order" CHECK ("ends_at" > "starts_at"), CONSTRAINT "session_room_no_overlap" EXCLUDE USING gist ("room_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" = 'PUBLISHED'), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a4d58a4fe886b3231188703461" ON "session"  ("room_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f373247fdd45ac03309eaddbb5" ON "session"  ("track_id") `);
    await queryRunner.query(`CREATE INDEX "session_agenda" ON "session"  ("edition_id", "starts_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "session_speaker" ("session_id" uuid NOT NULL, "speaker_id" uuid NOT NULL, "position" smallint NOT NULL DEFAULT '0', CONSTRAINT "PK_a0270abdf30e2646b3c900473f1" PRIMARY KEY ("session_id", "speaker_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "session_speaker_by_speaker" ON "session_speaker"  ("speaker_id", "session_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "room" ADD CONSTRAINT "FK_72beda4bc0cb1fc2e84dd5c34ad" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "track" ADD CONSTRAINT "FK_84a23c8c291f1d07533e5a0e4e1" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "edition_role" ADD CONSTRAINT "FK_a75e42625903b443cc7605f0489" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "speaker" ADD CONSTRAINT "FK_6311824b4d7d3f482f28f9e5be2" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_7382421ce65972d7bb6368832e5" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_a4d58a4fe886b32311887034616" FOREIGN KEY ("room_id") REFERENCES "room"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_f373247fdd45ac03309eaddbb54" FOREIGN KEY ("track_id") REFERENCES "track"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_speaker" ADD CONSTRAINT "FK_a802e3aa1a503e5627d63d8e967" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_speaker" ADD CONSTRAINT "FK_66bf3df6ddb2793fb75a6a500fa" FOREIGN KEY ("speaker_id") REFERENCES "speaker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Indexes TypeORM cannot declare (entities mark them synchronize: false).
    await queryRunner.query(
      `CREATE INDEX "session_search" ON "session" USING gin (to_tsvector('english', title || ' ' || coalesce(abstract, '')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "speaker_search_trgm" ON "speaker" USING gin ((name || ' ' || coalesce(company, '')) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."speaker_search_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."session_search"`);
    await queryRunner.query(`ALTER TABLE "session_speaker" DROP CONSTRAINT "FK_66bf3df6ddb2793fb75a6a500fa"`);
    await queryRunner.query(`ALTER TABLE "session_speaker" DROP CONSTRAINT "FK_a802e3aa1a503e5627d63d8e967"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_f373247fdd45ac03309eaddbb54"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_a4d58a4fe886b32311887034616"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_7382421ce65972d7bb6368832e5"`);
    await queryRunner.query(`ALTER TABLE "speaker" DROP CONSTRAINT "FK_6311824b4d7d3f482f28f9e5be2"`);
    await queryRunner.query(`ALTER TABLE "edition_role" DROP CONSTRAINT "FK_a75e42625903b443cc7605f0489"`);
    await queryRunner.query(`ALTER TABLE "track" DROP CONSTRAINT "FK_84a23c8c291f1d07533e5a0e4e1"`);
    await queryRunner.query(`ALTER TABLE "room" DROP CONSTRAINT "FK_72beda4bc0cb1fc2e84dd5c34ad"`);
    await queryRunner.query(`DROP INDEX "public"."session_speaker_by_speaker"`);
    await queryRunner.query(`DROP TABLE "session_speaker"`);
    await queryRunner.query(`DROP INDEX "public"."session_agenda"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f373247fdd45ac03309eaddbb5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a4d58a4fe886b3231188703461"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP TYPE "public"."session_status"`);
    await queryRunner.query(`DROP TYPE "public"."session_format"`);
    await queryRunner.query(`DROP INDEX "public"."speaker_by_edition_name"`);
    await queryRunner.query(`DROP TABLE "speaker"`);
    await queryRunner.query(`DROP INDEX "public"."edition_role_by_email"`);
    await queryRunner.query(`DROP TABLE "edition_role"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP TABLE "track"`);
    await queryRunner.query(`DROP TABLE "room"`);
    await queryRunner.query(`DROP TABLE "edition"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e12875dfb3b1d92d7d7c5377e2"`);
    await queryRunner.query(`DROP TABLE "user"`);
  }
}
