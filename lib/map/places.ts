/** Tarhuna town centre, marked on the map's outline so that a reader without tiles still sees where. */
export const TARHUNA = { latitude: 32.435, longitude: 13.634 } as const;
