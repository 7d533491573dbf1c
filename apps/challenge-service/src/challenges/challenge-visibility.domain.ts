import type { ConfidentialField, Role } from '@jiebang/contracts';

/**
 * Whether a caller who may see a 榜单 at all also sees its confidential fields: solvers and teams once their
 * organisation has accepted the terms; the enterprise, the offices and the admin always; anyone else never.
 */
export function seesConfidential(role: Role, acceptedTerms: boolean): boolean {
  if (role === 'solver' || role === 'team') return acceptedTerms;
  return role === 'enterprise' || role === 'district' || role === 'bureau' || role === 'admin';
}

/** The 榜单 without the fields its enterprise marked confidential (the keys are gone, not nulled). */
export function withoutConfidential<T extends { confidentialFields: ConfidentialField[] }>(challenge: T): Partial<T> {
  const copy: Partial<T> = { ...challenge };
  for (const field of challenge.confidentialFields) delete copy[field as keyof T];
  return copy;
}
