import type { CandidateKind, FieldCode } from '@jiebang/contracts';

/** What is being matched: a challenge, a service order or an application, described by its text and facts. */
export interface Need {
  title: string;
  text: string;
  keywords: string[];
  /** Empty when the enterprise named no field; the matcher then infers them from the text. */
  fields: FieldCode[];
  districtCode: string | null;
  enterpriseOrgId: string | null;
  /** Organisations the enterprise declared as related (shareholders, partners): 回避 applies to them too. */
  relatedOrgIds: string[];
  wants: CandidateKind;
}
