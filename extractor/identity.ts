// Identity across articles: local persons of each article merged into actors by name, never by surname alone.
// Spelling variants merge (Qasim/Qassem al-Araji); people who share a surname stay apart.

import type { ArticleAnalysis } from "./article";
import { coreTokens, sameFullName, slugify, surnameMatches } from "./names";

export interface PersonCluster {
  index: number;
  id: string;
  name: string;
  names: string[];
  members: { article: number; person: number }[];
}

export interface IdentityResult {
  clusters: PersonCluster[];
  /** `${articleIndex}:${personIndex}` → cluster index. */
  byLocal: Map<string, number>;
  /** Surname-only persons that could be several actors: kept apart, reported. */
  ambiguous: { article: number; person: number; text: string; candidates: number[] }[];
}

function canonical(names: string[], counts: Map<string, number>): string {
  return names.reduce((best, n) => {
    const a = coreTokens(n).length;
    const b = coreTokens(best).length;
    if (a !== b) return a > b ? n : best;
    // Prefer a clean spelling ("Shia" over "Shia’") when both are as complete.
    const qa = /['’`]/.test(n);
    const qb = /['’`]/.test(best);
    if (qa !== qb) return qa ? best : n;
    return (counts.get(n) ?? 0) > (counts.get(best) ?? 0) ? n : best;
  });
}

/**
 * Merges the persons of all articles: full names that are spelling variants of each other become one actor;
 * a person known only by a surname joins the one actor with that surname, or stays apart when several exist.
 */
export function resolveIdentities(analyses: ArticleAnalysis[]): IdentityResult {
  const clusters: PersonCluster[] = [];
  const byLocal = new Map<string, number>();
  const counts = new Map<string, number>();
  const ambiguous: IdentityResult["ambiguous"] = [];

  analyses.forEach((a, ai) => {
    for (const p of a.persons) {
      for (const m of p.mentions) counts.set(m.run.text, (counts.get(m.run.text) ?? 0) + 1);
      if (!p.names.length) continue;
      let c = clusters.find((x) => x.names.some((n) => p.names.some((q) => sameFullName(n, q))));
      if (!c) {
        c = { index: clusters.length, id: "", name: "", names: [], members: [] };
        clusters.push(c);
      }
      for (const n of p.names) if (!c.names.includes(n)) c.names.push(n);
      c.members.push({ article: ai, person: p.index });
      byLocal.set(`${ai}:${p.index}`, c.index);
    }
  });

  analyses.forEach((a, ai) => {
    for (const p of a.persons) {
      if (p.names.length) continue;
      const short = p.shortNames[0];
      const cands = clusters.filter((c) => c.names.some((n) => coreTokens(n).length >= 2 && surnameMatches(short, n)));
      let c: PersonCluster | undefined;
      if (cands.length === 1) c = cands[0];
      else {
        if (cands.length > 1)
          ambiguous.push({ article: ai, person: p.index, text: short, candidates: cands.map((x) => x.index) });
        c = clusters.find(
          (x) => x.names.length && x.names.every((n) => coreTokens(n).length < 2) && x.names.includes(short),
        );
        if (!c) {
          c = { index: clusters.length, id: "", name: "", names: [], members: [] };
          clusters.push(c);
        }
      }
      for (const n of p.shortNames) if (!c.names.includes(n)) c.names.push(n);
      c.members.push({ article: ai, person: p.index });
      byLocal.set(`${ai}:${p.index}`, c.index);
    }
  });

  const used = new Map<string, number>();
  for (const c of clusters) {
    const full = c.names.filter((n) => coreTokens(n).length >= 2);
    c.name = canonical(full.length ? full : c.names, counts);
    let id = slugify(c.name);
    const n = used.get(id) ?? 0;
    used.set(id, n + 1);
    if (n) id = `${id}-${n + 1}`;
    c.id = id;
  }
  return { clusters, byLocal, ambiguous };
}
