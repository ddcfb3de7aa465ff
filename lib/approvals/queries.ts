import "server-only";
import { desc, eq, ne, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { approvalRequests, users } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";

const requester = alias(users, "requester");
const decider = alias(users, "decider");

const requestColumns = {
  id: approvalRequests.id,
  action: approvalRequests.action,
  input: approvalRequests.input,
  subjectEntity: approvalRequests.subjectEntity,
  subjectId: approvalRequests.subjectId,
  status: approvalRequests.status,
  requestedBy: approvalRequests.requestedBy,
  requestedByName: requester.displayName,
  requestedAt: approvalRequests.requestedAt,
  decidedByName: decider.displayName,
  decidedAt: approvalRequests.decidedAt,
  decisionReason: approvalRequests.decisionReason,
};

export type ApprovalRequestRow = Awaited<ReturnType<typeof pendingRequestsQuery>>[number];

function requestsWhere(db: Executor, condition: SQL) {
  return db
    .select(requestColumns)
    .from(approvalRequests)
    .innerJoin(requester, eq(requester.id, approvalRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, approvalRequests.decidedBy))
    .where(condition);
}

/** Oldest first: the request waiting longest is the one to decide first. */
function pendingRequestsQuery(db: Executor) {
  return requestsWhere(db, eq(approvalRequests.status, "pending")).orderBy(approvalRequests.requestedAt);
}

function recentDecisionsQuery(db: Executor, limit = 20) {
  return requestsWhere(db, ne(approvalRequests.status, "pending")).orderBy(desc(approvalRequests.decidedAt)).limit(limit);
}

export const listPendingApprovals = defineRead("approvals.decide", pendingRequestsQuery);
export const listRecentApprovalDecisions = defineRead("approvals.decide", recentDecisionsQuery);
