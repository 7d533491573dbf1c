import { chinaDateOf } from '@jiebang/contracts';
import type { CandidateText } from '../engine/candidate';

/** A finished 揭榜挂帅 project of a profile: what the platform itself knows of the solver's past work. */
export interface ProfileRecord {
  projectId: string;
  profileId: string;
  challengeId: string;
  challengeTitle: string;
  applicationId: string;
  outcome: 'CLOSED' | 'TERMINATED';
  endedAt: Date;
}

const OUTCOME_TEXT: Record<ProfileRecord['outcome'], string> = { CLOSED: '验收通过并结题', TERMINATED: '项目终止' };

/** One line of past work, in the words the profile's own past work uses (the title carries the matching terms). */
export function recordLine(r: Pick<ProfileRecord, 'challengeTitle' | 'outcome' | 'endedAt'>): string {
  return `揭榜挂帅项目《${r.challengeTitle}》：${OUTCOME_TEXT[r.outcome]}（${chinaDateOf(r.endedAt)}）`;
}

/**
 * The text the engine analyses: the profile's declared past work, then the platform's records, oldest first. Both
 * feed the `pastWork` field (ARCHITECTURE §6: past work is part of relevance); the owner's edits never drop records.
 */
export function withRecords(text: CandidateText, records: readonly Pick<ProfileRecord, 'challengeTitle' | 'outcome' | 'endedAt'>[]): CandidateText {
  if (records.length === 0) return text;
  const sorted = [...records].sort((a, b) => a.endedAt.getTime() - b.endedAt.getTime());
  return { ...text, pastWork: [...text.pastWork, ...sorted.map(recordLine)] };
}
