/** Seeds the fuzzer once failed on (a bypass or a crash), kept as named regression inputs: each must stay fixed. */
export const FUZZ_REGRESSIONS: readonly { name: string; seed: number }[] = [];
