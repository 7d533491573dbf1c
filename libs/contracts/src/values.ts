import { z } from 'zod';

/**
 * Value schemas every stream shares. Money is integer yuan (元) on the wire, so ledger sums are exact; instants carry
 * their offset (`+08:00` from the services), dates are China calendar dates.
 */
export const instantSchema = z.iso.datetime({ offset: true });
export const chinaDateSchema = z.iso.date();
export const yuanSchema = z.number().int().nonnegative();

/** Ids of the platform's own aggregates and entities (challenges, applications, projects, orders, reviews, …). */
export const entityIdSchema = z.uuid();
/** Organisation and user ids come from the identity provider: opaque strings. */
export const orgIdSchema = z.string().min(1).max(100);
export const userIdSchema = z.string().min(1).max(100);
export const orgNameSchema = z.string().min(1).max(100);

/** Why someone acted (a return, a rejection, a withdrawal…): shown to the parties as written. */
export const reasonSchema = z.string().min(1).max(2000);

/** A file someone attached (evidence, a deliverable, a service record): its name and where the platform stores it. */
export const attachmentSchema = z.object({
  name: z.string().min(1).max(200),
  url: z.string().min(1).max(2000),
});
export type Attachment = z.infer<typeof attachmentSchema>;
