import { Z95 } from '../survival/normal.js';

/**
 * 95 % interval of a ratio of means R > 0 from the delta-method variance of R, on the log scale: the bounds stay
 * positive and lean the way a ratio's sampling distribution does (the log-ratio interval of Katz et al.).
 */
export function logRatioInterval(ratio: number, variance: number): [number, number] {
  const se = Math.sqrt(variance) / ratio;
  return [ratio * Math.exp(-Z95 * se), ratio * Math.exp(Z95 * se)];
}

/**
 * Upper 95 % bound of a mean over n PRs whose values are all 0 (there is no spread to scale, so the delta method
 * says nothing): Wilson's score bound z²/(n + z²) for shares (values in [0, 1]), the exact Poisson bound
 * -ln(0.025)/n for counts.
 */
export function zeroMeanUpper(kind: 'share' | 'count', n: number): number {
  return kind === 'share' ? (Z95 * Z95) / (n + Z95 * Z95) : -Math.log(0.025) / n;
}
