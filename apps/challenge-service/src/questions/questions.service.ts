import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { challengeQuestionAnsweredV1, challengeQuestionAskedV1, DomainError, type ApplicantRole, type Principal } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { challengeApplicationsStore as applications } from '../challenges/challenge-applications.store';
import type { Transition } from '../challenges/challenge.domain';
import type { Challenge } from '../challenges/challenge.entity';
import { challengeRef } from '../challenges/challenge.events';
import { PUBLIC_STATES } from '../challenges/challenge.scope';
import { challengeNotFound, ChallengeWriter } from '../challenges/challenge.writer';
import { ChallengesService } from '../challenges/challenges.service';
import { answer, asSeenBy, checkAsk, type Question } from './question.domain';
import { questionStore } from './question.store';

const questionNotFound = (id: string) => DomainError.notFound('QUESTION_NOT_FOUND', '问题不存在', { id });

/** 答疑: questions on a published 榜单 and their answers; each is a fact on the challenge stream, at the next version. */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly writer: ChallengeWriter,
    private readonly challenges: ChallengesService,
  ) {}

  ask(challengeId: string, principal: Principal, text: string, ctx: CommandContext): Promise<Question> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.lockForUpdate(em, challengeId);
      if (!current || !PUBLIC_STATES.includes(current.status)) throw challengeNotFound(challengeId);
      checkAsk(current.status);
      const asked: Question = {
        id: randomUUID(),
        challengeId,
        askerOrgId: principal.orgId,
        askerRole: principal.role,
        question: text,
        askedAt: new Date(),
        answer: null,
        answeredByRole: null,
        answeredAt: null,
      };
      await questionStore.insert(em, asked);
      const data = { ...this.questionData(current, asked), askedAt: asked.askedAt.toISOString() };
      await this.recordFact(em, current, asked.askedAt, { questionAsked: { from: null, to: asked.id } }, ctx, (sequence) =>
        this.outbox.append(em, challengeQuestionAskedV1, { subject: challengeId, sequence, data }, ctx),
      );
      return asked;
    });
  }

  answer(challengeId: string, questionId: string, principal: Principal, text: string, ctx: CommandContext): Promise<Question> {
    return this.dataSource.transaction(async (em) => {
      const current =
        principal.role === 'bureau' ? await this.writer.loadForBureau(em, challengeId) : await this.writer.loadOwnForUpdate(em, challengeId, principal);
      const asked = await questionStore.lock(em, challengeId, questionId);
      if (!asked) throw questionNotFound(questionId);
      const answered = answer(asked, current.status, text, principal.role, new Date());
      await questionStore.saveAnswer(em, answered);
      const data = {
        ...this.questionData(current, answered),
        answer: text,
        applicants: await applications.applicants(em, challengeId),
        answeredAt: answered.answeredAt!.toISOString(),
      };
      await this.recordFact(em, current, answered.answeredAt!, { questionAnswered: { from: null, to: questionId } }, ctx, (sequence) =>
        this.outbox.append(em, challengeQuestionAnsweredV1, { subject: challengeId, sequence, data }, ctx),
      );
      return answered;
    });
  }

  async list(challengeId: string, principal: Principal) {
    const challenge = await this.challenges.findVisible(challengeId, principal);
    const questions = await questionStore.list(this.dataSource.manager, challengeId);
    return questions.map((q) => asSeenBy(q, principal, challenge.enterpriseOrgId));
  }

  private questionData(challenge: Challenge, q: Question) {
    return { ...challengeRef(challenge), questionId: q.id, question: q.question, askerOrgId: q.askerOrgId, askerRole: q.askerRole as ApplicantRole };
  }

  /** The fact takes the next aggregate version (consumers keep the stream's order); the audit trail records it. */
  private async recordFact(
    em: EntityManager,
    current: Challenge,
    at: Date,
    changes: Transition['changes'],
    ctx: CommandContext,
    append: (sequence: number) => Promise<{ id: string }>,
  ): Promise<void> {
    const state = { ...current, version: current.version + 1 };
    await this.writer.save(em, current, state, at);
    const event = await append(state.version);
    await this.writer.audit(em, current.id, { from: current.status, to: current.status, actor: ctx.actor, reason: null, changes, at }, event.id);
  }
}
