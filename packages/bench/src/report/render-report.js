// Puts RESULTS.md together: machine, versions, goals, then one part per item.
import { num, table, verdict } from "../lib/format.js";

/**
 * @typedef {object} SectionRun
 * @property {import("../lib/section.js").SectionResult | undefined} result
 * @property {string} title
 * @property {Error | undefined} error
 * @property {number} seconds
 * @property {number} loadBefore 1-minute load average when the section started
 * @property {number} loadAfter
 */

/**
 * @param {{ quick: boolean, startedAt: Date, seconds: number,
 *   machine: ReturnType<typeof import("../lib/machine.js").describeMachine>,
 *   versions: ReturnType<typeof import("../lib/machine.js").packageVersions>,
 *   sections: SectionRun[] }} report
 */
export function renderReport({ quick, startedAt, seconds, machine, versions, sections }) {
  const goals = sections.flatMap((s) => s.result?.goals ?? []);
  const missed = goals.filter((g) => !g.met);
  const failed = sections.filter((s) => s.error !== undefined);
  const busiest = Math.max(...sections.flatMap((s) => [s.loadBefore, s.loadAfter]));
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`${quick ? "node src/run.js --quick" : "pnpm bench"}\` on ${startedAt.toISOString()} in ${num(seconds, 0)} s. How each figure is made and how to read it: [README.md](./README.md). Figures are medians over repeated runs with the interquartile range in brackets: \`median [p25–p75]\`.`,
    ...(quick ? ["", "**Quick mode: tiny runs for a smoke test. These figures mean nothing.**"] : []),
    "",
    "## Machine",
    "",
    table(["", ""], [
      ["CPU", machine.cpuModel],
      ["cores", String(machine.cores)],
      ["memory", `${num(machine.memoryGiB, 1)} GiB`],
      ["OS", machine.os],
      ["Node", machine.node],
      ["load average (1/5/15 min) at start", machine.loadAverage.map((l) => num(l, 2)).join(" / ")],
    ]),
    "",
    busiest > machine.cores
      ? `**The machine was busy:** the 1-minute load average reached ${num(busiest, 1)} on ${machine.cores} cores during the run (other processes competing for the CPU). Absolute times are inflated; the ratios come from interleaved rounds and hold better, and the per-call table also gives client CPU time, which waiting for a core does not inflate.`
      : `The 1-minute load average stayed at or below ${num(busiest, 1)} on ${machine.cores} cores during the run.`,
    "",
    "## Versions",
    "",
    table(["package", "version"], versions.map((v) => [v.name, v.version])),
    "",
    "## Goals",
    "",
    goals.length === 0 ? "_No goal was measured in this run._" : table(["item", "goal", "measured", "verdict"], goals.map((g) => [g.item, g.goal, g.measured, verdict(g.met)])),
    "",
    missed.length === 0
      ? goals.length === 0 ? "" : `All ${goals.length} goals met.`
      : `**${missed.length} of ${goals.length} goals missed:** ${missed.map((g) => `${g.goal} (measured ${g.measured})`).join("; ")}.`,
    ...(failed.length > 0 ? ["", `**${failed.length} section(s) failed** and produced no figures: ${failed.map((s) => s.title).join(", ")}.`] : []),
  ];
  for (const s of sections) {
    lines.push("", `## ${s.title}`, "", `_${num(s.seconds, 0)} s; 1-minute load average ${num(s.loadBefore, 1)} at start, ${num(s.loadAfter, 1)} at end._`, "");
    if (s.error !== undefined) lines.push(`**FAILED:** ${s.error.message}`);
    else if (s.result !== undefined) lines.push(s.result.markdown);
  }
  return `${lines.join("\n")}\n`;
}
