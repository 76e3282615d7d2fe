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

export type ScrutinyView = {
  kind: 'submitted' | 'comments';
  committee: string;
  meetingDate: string | null;
  minuteRef: string | null;
  comments: string[];
  versionLabel: string | null;
  recordedAt: string;
};

export type ApprovalView = {
  body: string;
  meetingDate: string;
  decisionRef: string | null;
  versionLabel: string | null;
  recordedAt: string;
};

/** The plan view's governance: its versions, scrutiny and approval. */
export type GovernancePart = {
  /** Label of the latest published version, or null before the first. */
  version: string | null;
  versions: VersionView[];
  scrutiny: ScrutinyView[];
  /** The latest approval; it stays when a plan is reopened, whose status then says draft. */
  approval: ApprovalView | null;
};
