import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DirectorySnapshot } from './directory.domain';
import type { Profile } from './profile.entity';

/** Matching profiles as the directory learnt them from profile events: whose each is. */
@Injectable()
export class ProfileStore {
  /**
   * An older snapshot never overwrites a newer one, and a snapshot that names no owner (from a producer that did not
   * publish it yet) keeps the owner already known.
   */
  async learnProfile(em: EntityManager, profile: Profile): Promise<void> {
    await em.query(
      `INSERT INTO directory_profiles (profile_id, org_id, role, name, owner_id, sequence) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (profile_id) DO UPDATE SET org_id = EXCLUDED.org_id, role = EXCLUDED.role, name = EXCLUDED.name,
         owner_id = COALESCE(EXCLUDED.owner_id, directory_profiles.owner_id), sequence = EXCLUDED.sequence
         WHERE directory_profiles.sequence < EXCLUDED.sequence`,
      [profile.profileId, profile.orgId, profile.role, profile.name, profile.ownerId, profile.sequence],
    );
  }

  /** These profiles, each with the contacts of the audience behind it (its organisation, in the profile's kind). */
  findProfiles(em: EntityManager, profileIds: string[]): Promise<DirectorySnapshot['profiles']> {
    return em.query(
      `SELECT p.profile_id AS "profileId", p.org_id AS "orgId", p.role, p.owner_id AS "ownerId", coalesce(c.emails, '{}') AS emails
       FROM directory_profiles p LEFT JOIN directory_contacts c ON c.org_id = p.org_id AND c.role = p.role
       WHERE p.profile_id = ANY($1)`,
      [profileIds],
    );
  }
}
