import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person owning an expert's matching profile, learnt from `profile.registered` / `profile.updated` (`ownerId`),
 * so notices about the profile reach that expert instead of every expert of the employing organisation. Profiles
 * learnt before have no owner until their next snapshot (or an event naming the owner) arrives; until then their
 * notices keep going to the organisation in the profile's role.
 */
export class ProfileOwners1764202300000 implements MigrationInterface {
  name = 'ProfileOwners1764202300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE directory_profiles ADD COLUMN owner_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE directory_profiles DROP COLUMN owner_id`);
  }
}
