import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Share } from './ledger.domain';

const yuan = { to: (v: number) => v, from: (v: string) => Number(v) };

/** One row of the ledger: a project's share of one tranche. */
@Entity({ name: 'tranche_ledger' })
export class ShareRow implements Omit<Share, 'rank'> {
  @PrimaryColumn('uuid') projectId: string;
  @PrimaryColumn('smallint') milestoneIndex: number;
  @Column('uuid') challengeId: string;
  @Column({ type: 'bigint', transformer: yuan }) plannedYuan: number;
  @Column({ type: 'bigint', transformer: yuan }) approvedYuan: number;
  @Column({ type: 'bigint', transformer: yuan }) paidYuan: number;
}

/** A tranche of the 榜单's plan, and what of it the challenge keeps (terminations, RETAIN eliminations). */
@Entity({ name: 'challenge_tranches' })
export class TrancheRow {
  @PrimaryColumn('uuid') challengeId: string;
  @PrimaryColumn('smallint') milestoneIndex: number;
  @Column({ type: 'bigint', transformer: yuan }) trancheYuan: number;
  @Column({ type: 'bigint', transformer: yuan }) retainedYuan: number;
}
