/** A run that has not reported for this long is taken for stopped, not running (its process died). */
export const RUN_SILENT_MINUTES = 60;
