import { esc } from "./escape.js";

/**
 * A deliberately small syntax highlighter for the three languages the guide
 * shows (TypeScript, shell, JSON). A full highlighter would add a dependency
 * and hundreds of KB for colours; this one only marks comments, strings,
 * numbers, keywords and shell variables/flags, which is what helps reading.
 */
const RULES: Record<string, RegExp> = {
  ts: new RegExp(
    [
      String.raw`(?<comment>\/\/[^\n]*|\/\*[\s\S]*?\*\/)`,
      String.raw`(?<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|` + "`(?:[^`\\\\]|\\\\.)*`)",
      String.raw`(?<keyword>\b(?:import|from|export|const|let|await|async|function|return|if|else|for|of|new|try|catch|throw|type|interface|instanceof|typeof|as|satisfies|true|false|null|undefined)\b)`,
      String.raw`(?<number>\b\d[\d_]*(?:\.\d+)?\b)`,
    ].join("|"),
    "g",
  ),
  sh: new RegExp(
    [
      String.raw`(?<comment>(?<=^|\s)#[^\n]*)`,
      String.raw`(?<string>"(?:[^"\\]|\\.)*"|'[^']*')`,
      String.raw`(?<variable>\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\?)`,
      String.raw`(?<keyword>(?<=^|\s)--?[A-Za-z][\w-]*)`,
    ].join("|"),
    "gm",
  ),
  json: new RegExp(
    [
      String.raw`(?<property>"(?:[^"\\]|\\.)*"(?=\s*:))`,
      String.raw`(?<string>"(?:[^"\\]|\\.)*")`,
      String.raw`(?<keyword>\b(?:true|false|null)\b)`,
      String.raw`(?<number>-?\b\d+(?:\.\d+)?\b)`,
    ].join("|"),
    "g",
  ),
};

const ALIASES: Record<string, string> = { typescript: "ts", js: "ts", javascript: "ts", bash: "sh", shell: "sh", console: "sh" };

/** Source text to escaped HTML with `<span class="tok-…">` around the interesting tokens. Unknown languages are only escaped. */
export function highlight(source: string, language: string): string {
  const rule = RULES[ALIASES[language] ?? language];
  if (!rule) return esc(source);
  let out = "";
  let last = 0;
  for (const match of source.matchAll(rule)) {
    const kind = Object.entries(match.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
    const index = match.index ?? 0;
    out += esc(source.slice(last, index));
    out += kind ? `<span class="tok-${kind}">${esc(match[0])}</span>` : esc(match[0]);
    last = index + match[0].length;
  }
  return out + esc(source.slice(last));
}
