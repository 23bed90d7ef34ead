// The shape every benchmark section returns, so run.js can render, judge and fail uniformly.

/**
 * @typedef {object} Goal
 * @property {string} item which issue item, e.g. "1. per-call"
 * @property {string} goal the goal in the words
 * @property {string} measured the figure it is judged on
 * @property {boolean} met
 */

/**
 * @typedef {object} SectionResult
 * @property {string} title
 * @property {string} markdown body of the section in RESULTS.md
 * @property {Goal[]} goals
 * @property {string} [skipped] why the section did not run (not a failure)
 */

/**
 * A section that did not run on purpose (e.g. the root build in --quick mode).
 * @param {string} title
 * @param {string} reason
 * @returns {SectionResult}
 */
export function skippedSection(title, reason) {
  return { title, markdown: `_Skipped: ${reason}_`, goals: [], skipped: reason };
}
