// Credits: the news agency or publisher an article's text names as its source, for articles pasted without a
// `source:` header line. Read from the places agencies sign their copy: the dateline ("DUBAI (Reuters) -"), a
// "Source:" line, a copyright line, or a closing line that is only the agency's name in brackets.

const NAME = String.raw`[\p{Lu}][\p{L}\p{N}&.'’ -]{0,48}[\p{L}\p{N}.]`;

/** "DUBAI (Reuters) -", "TEHRAN, Nov. 10 (MNA) –", "ACCRA, March 4 (GNA) —": a city in capitals, then the credit. */
const DATELINE = new RegExp(
  String.raw`(?:^|\n)[ \t]*\p{Lu}[\p{Lu} .'’-]{1,40}(?:,[^()\n]{1,30})?[ \t]*\((${NAME})\)[ \t]*[-–—:]`,
  "u",
);
const SOURCE_LINE = new RegExp(
  String.raw`(?:^|\n)[ \t]*(?:Source|Credit|Courtesy)[ \t]*:[ \t]*(${NAME})[ \t]*(?:\n|$)`,
  "iu",
);
const COPYRIGHT = new RegExp(
  String.raw`(?:©|\(c\)|Copyright)[ \t]*(?:\(c\)[ \t]*)?(?:\d{4}(?:[-–]\d{2,4})?[ \t,]*)?(${NAME}?)[ \t]*(?:[.,]|All rights|\n|$)`,
  "iu",
);
const CLOSING_CREDIT = new RegExp(String.raw`\n[ \t]*\((${NAME})\)[ \t]*\n*$`, "u");

/** Words that are not a credit even where one could stand ("(Update)", "(Photo)"). */
const NOT_A_CREDIT = /^(update|updated|photo|photos|video|file|reporting|editing|advertisement|ad|opinion|analysis)$/i;

/**
 * The agency or publisher credited in the text (its first `lookAt` characters and its end), or null when it names
 * none. `"DUBAI (Reuters) - …"` gives "Reuters".
 */
export function creditedSource(text: string, lookAt = 1_500): string | null {
  const head = text.slice(0, lookAt);
  const tail = text.slice(-lookAt);
  for (const [re, part] of [
    [DATELINE, head],
    [SOURCE_LINE, head],
    [SOURCE_LINE, tail],
    [COPYRIGHT, tail],
    [COPYRIGHT, head],
    [CLOSING_CREDIT, tail],
  ] as const) {
    const name = re.exec(part)?.[1]?.trim().replace(/[.]$/, "");
    if (name && name.length >= 2 && !NOT_A_CREDIT.test(name)) return name;
  }
  return null;
}
