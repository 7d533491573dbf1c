import { DomainError } from '@jiebang/contracts';
import type { ServiceOrderState } from './service-order.domain';

/** A rating (企业评价) counts for the team unless an upheld appeal voided it. */
export type RatingStatus = 'ACTIVE' | 'VOIDED';
export type AppealStatus = 'OPEN' | 'UPHELD' | 'DISMISSED';

export interface RatingState {
  id: string;
  status: RatingStatus;
  appealStatus: AppealStatus | null;
  appealDueAt: Date;
}

/** 申诉: the serving team, once, before the window closes. */
export function appeal(order: ServiceOrderState, rating: RatingState, now: Date): RatingState {
  if (order.status !== 'RATED' || rating.appealStatus !== null || rating.appealDueAt <= now) {
    throw DomainError.invalidState(
      'RATING_APPEAL_NOT_ALLOWED',
      rating.appealStatus ? '该评价已申诉过' : '评价申诉期已过或订单不可申诉',
      rating.appealStatus ?? order.status,
    );
  }
  return { ...rating, appealStatus: 'OPEN' };
}

export function decideAppeal(rating: RatingState, uphold: boolean): RatingState {
  if (rating.appealStatus !== 'OPEN') {
    throw DomainError.invalidState('RATING_APPEAL_NOT_OPEN', '没有待裁定的评价申诉', rating.appealStatus ?? 'NONE');
  }
  return uphold ? { ...rating, status: 'VOIDED', appealStatus: 'UPHELD' } : { ...rating, appealStatus: 'DISMISSED' };
}
