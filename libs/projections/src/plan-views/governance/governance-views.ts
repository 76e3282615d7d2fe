import type { PlanApproved } from '@app/domain';

/** A row of the version-control table (Version No. | Date | Reason | Made by). */
export type VersionView = {
  label: string;
  /** The date the version carries (ISO date): its effective date, else the day it was recorded. */
  date: string;
  reason: string;
  madeBy: string;
  revision: number;
  recordedAt: string;
};

/** `review`: a committee reviewed an approved plan's progress (an O&S service panel, quarterly). */
export type ScrutinyView = {
  kind: 'submitted' | 'comments' | 'review';
  committee: string;
  meetingDate: string | null;
  minuteRef: string | null;
  comments: string[];
  versionLabel: string | null;
  /** The council's record of the meeting, when it considered several plans at once. */
  meetingId: string | null;
  recordedAt: string;
};

export type ApprovalView = {
  body: string;
  meetingDate: string;
  decisionRef: string | null;
  versionLabel: string | null;
  recordedAt: string;
};

/** Who approved a version, on which day, under which reference: the version table's and the plan list's mark of approval. */
export type ApprovedBy = { body: string; date: string; decisionRef: string | null };

export const approvedByOf = ({ data }: PlanApproved): ApprovedBy => ({ body: data.body, date: data.meetingDate, decisionRef: data.decisionRef });

/** One end of a roll-forward, as the plan view shows it: the plan at the other end, and its period. */
export type RolledOverView = { planId: string; period: string };

/** The plan view's governance: its versions, scrutiny and approval, and the plans it was rolled forward from and to. */
export type GovernancePart = {
  /** Label of the latest published version, or null before the first. */
  version: string | null;
  versions: VersionView[];
  scrutiny: ScrutinyView[];
  /** The latest approval; it stays when a plan is reopened, whose status then says draft. */
  approval: ApprovalView | null;
  /** Last year's plan this one was drafted from, when it was rolled forward. */
  rolledForwardFrom: RolledOverView | null;
  /** Next year's plan drafted from this one, once it is. */
  rolledForwardTo: RolledOverView | null;
};
