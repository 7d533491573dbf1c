import type { IdTokenClaims } from 'oidc-client-ts';
import vocabulary from '../api/generated/vocabulary.json';

export type Role = keyof typeof vocabulary.roles;

/** The signed-in person as the services see them (the same claims are in the access token). */
export interface Principal {
  sub: string;
  role: Role;
  orgId: string;
  districtCode?: string;
  name?: string;
  orgName?: string;
}

const isRole = (value: unknown): value is Role => typeof value === 'string' && value in vocabulary.roles;

/** Null when the identity provider left out a claim the console needs (see the README's claim mapping). */
export function principalOf(claims: IdTokenClaims): Principal | null {
  const { sub, role, orgId, districtCode, name, orgName } = claims as IdTokenClaims & Record<string, unknown>;
  if (!isRole(role) || typeof orgId !== 'string' || !orgId) return null;
  if (role === 'district' && typeof districtCode !== 'string') return null;
  return {
    sub,
    role,
    orgId,
    districtCode: typeof districtCode === 'string' ? districtCode : undefined,
    name: typeof name === 'string' ? name : undefined,
    orgName: typeof orgName === 'string' ? orgName : undefined,
  };
}

export const roleLabel = (role: Role): string => vocabulary.roles[role];
