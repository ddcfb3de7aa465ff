// Apart from pipeline.ts (which reads the database) so the dashboard chart can list the stages without a server-only import.

/** The road from a body in the ground to a body returned to its family, in order. */
export const PIPELINE_STAGES = ["recovered", "sampled", "profiled", "proposed", "confirmed", "notified", "returned"] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
