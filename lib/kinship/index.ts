export { compareAlleles, genotypeKey, isAllele, parseGenotype } from "./alleles";
export { FrequencyError, FrequencyTable, type FrequencyData } from "./frequencies";
export { computeKinship, type KinshipResult } from "./likelihood";
export * from "./types";
