/**
 * Figures published by large studies of AI pull requests and AI-written code, shown beside a team's own numbers as
 * context, never as a target: each study measured different repositories, cohorts and definitions (see `caveat`).
 */
export interface ReferenceFigure {
  /** The report's measure it sits beside. */
  measure: 'acceptance' | 'time_to_first_review_h' | 'review_time_h' | 'merged_without_review' | 'line_hazard_ratio';
  /** What was published, in the study's own terms. */
  figure: string;
  source: { title: string; authors: string; year: number; url: string };
  caveat: string;
}

const LINEARB = {
  title: '2026 Software Engineering Benchmarks Report (8.1 million pull requests, 4,800 teams, 42 countries, 2025)',
  authors: 'LinearB',
  year: 2026,
  url: 'https://linearb.io/blog/8-million-prs-engineering-productivity',
};

const AIDEV = {
  title: 'The Rise of AI Teammates in Software Engineering (SE) 3.0 (AIDev: 456,535 agent pull requests)',
  authors: 'H. Li, H. Zhang, A. E. Hassan',
  year: 2025,
  url: 'https://arxiv.org/abs/2507.15003',
};

export const REFERENCE_FIGURES: readonly ReferenceFigure[] = [
  {
    measure: 'acceptance',
    figure: 'AI-generated PRs 32.7% accepted, manual PRs 84.4%',
    source: LINEARB,
    caveat: "vendor report over its customers' PRs; AI origin and acceptance as LinearB detects and defines them; not peer reviewed",
  },
  {
    measure: 'acceptance',
    figure: 'agent PRs 35%–65% merged depending on the agent, human PRs 76.8%',
    source: AIDEV,
    caveat:
      'open-source repositories with more than 500 stars (AIDev-pop); autonomous agents (Codex, Devin, Copilot, Cursor, Claude Code), not assisted coding',
  },
  {
    measure: 'time_to_first_review_h',
    figure: 'AI-generated PRs wait 4.6× as long as manual PRs before review starts (agentic PRs 5.3×)',
    source: LINEARB,
    caveat: 'a ratio of pickup times across many organisations, not an hour figure; vendor definitions',
  },
  {
    measure: 'review_time_h',
    figure: 'once picked up, AI-generated PRs are reviewed 2× as fast as manual PRs',
    source: LINEARB,
    caveat: "LinearB's review time (pickup to approval), not first review to merge as here",
  },
  {
    measure: 'merged_without_review',
    figure: 'about 80% of AI-co-authored PRs from contributors without code ownership merged with no explicit review',
    source: {
      title: 'On Autopilot? An Empirical Study of Human-AI Teaming and Review Practices in Open Source',
      authors: 'H. Gao, P. Banyongrakkul, H. Guan, M. Zahedi, C. Treude, et al.',
      year: 2026,
      url: 'https://arxiv.org/abs/2601.13754',
    },
    caveat: 'open-source projects, AI-co-authored PRs by non-owners only; owners and companies differ',
  },
  {
    measure: 'line_hazard_ratio',
    figure: 'agent-authored lines: hazard of modification 0.842 of human lines (p < 0.001), 15.8 points lower modification rate',
    source: {
      title: 'Will It Survive? Deciphering the Fate of AI-Generated Code in Open Source (EASE 2026)',
      authors: 'M. Rahman, E. Shihab',
      year: 2026,
      url: 'https://arxiv.org/abs/2601.16809',
    },
    caveat:
      '201 open-source projects from AIDev, over 200,000 code units; any modification counts as the event, agents only (not assisted)',
  },
];
