import { DomainError, type CandidateKind, type Principal } from '@jiebang/contracts';

/**
 * Who may rank for which need: the bureau and admins any; a district office only needs of its own district (and it
 * cannot rank experts: review assignment belongs to the bureau). Returns the district the run is filed under.
 */
export function rankingDistrict(p: Principal, requested: string | null | undefined, wants: CandidateKind): string | null {
  if (p.role === 'bureau' || p.role === 'admin') return requested ?? null;
  if (p.role !== 'district') throw DomainError.forbidden('MATCH_FORBIDDEN', '只有区县科技局或市科技局可以发起匹配');
  if (wants === 'expert') {
    throw DomainError.forbidden('MATCH_EXPERTS_FORBIDDEN', '评审专家的匹配由市科技局发起', { field: 'wants' });
  }
  if (requested && requested !== p.districtCode) {
    throw DomainError.forbidden('MATCH_DISTRICT_FORBIDDEN', '区县科技局只能为本区县的需求匹配', { field: 'districtCode' });
  }
  return p.districtCode ?? null;
}

/**
 * Runs a caller may read: the bureau and admins all; a district its district's rankings of teams and solvers — never
 * expert rankings, which belong to the bureau even when the need lies in the district; anyone else only their own.
 */
export function canReadRun(p: Principal, run: { districtCode: string | null; requestedBy: string; wants: CandidateKind }): boolean {
  if (p.role === 'bureau' || p.role === 'admin') return true;
  if (p.role === 'district') return run.wants !== 'expert' && run.districtCode === p.districtCode;
  return run.requestedBy === p.sub;
}
