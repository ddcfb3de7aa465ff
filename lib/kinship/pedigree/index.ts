export { pedigreeLikelihoodRatio, type FrequencyInput } from "./ratio";
export { PedigreeError } from "./structure";
export * from "./types";
