import type { FormatAnalyser } from '../analyser.js';

/**
 * A format analyser whose code (and its parser dependencies) is imported the first time a file needs it: the sniff
 * stays cheap and always loaded, so a one-file scan pays only for the formats it meets.
 */
export function lazyAnalyser(format: string, sniff: FormatAnalyser['sniff'], load: () => Promise<FormatAnalyser>): FormatAnalyser {
  let loaded: Promise<FormatAnalyser> | undefined;
  return {
    format,
    sniff,
    analyse: async (ctx) => {
      loaded ??= load();
      return (await loaded).analyse(ctx);
    },
  };
}
