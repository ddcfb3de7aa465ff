export { runDvi, type DviResult, type UndisputedMatch } from "./run";
export { findUndisputed, runnersUp } from "./undisputed";
export { solveJoint, NOT_IN_DATABASE, type FamilyJointLog10, type JointProblem, type JointResult, type RankedAssignment } from "./joint";
export * from "./types";
