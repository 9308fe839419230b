import { MigrationInterface, QueryRunner } from 'typeorm';

/** A bureau is chosen by its name in every list and form: two of one name could not be told apart. */
export class BureauNamesUnique1733700000000 implements MigrationInterface {
  name = 'BureauNamesUnique1733700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Names given twice before this rule keep the first (by code) as it is; the others get their code beside them.
    await queryRunner.query(`
      UPDATE bureaus SET name = name || '（' || code || '）'
      WHERE EXISTS (SELECT 1 FROM bureaus first WHERE first.name = bureaus.name AND first.code < bureaus.code)`);
    await queryRunner.query(`CREATE UNIQUE INDEX bureaus_name_key ON bureaus (name)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX bureaus_name_key`);
  }
}
