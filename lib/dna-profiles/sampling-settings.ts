/** Simulated families per set of relatives: a standard error of at most 0.05. */
export const SAMPLING_SIMULATIONS = 100;
/** One seed for every family and set of relatives: the same inputs always give the same numbers. */
export const SAMPLING_SEED = 1;
