// Event tests: meeting frames, anaphora, attendance, separate meetings, modality and date resolution.
// Articles are synthetic, written for these tests.

import { describe, expect, it } from "vitest";
import { analyseArticle, personName } from "../../../extractor/article";
import { findEvents } from "../../../extractor/events";

function run(body: string, date: string | null = "2023-05-10") {
  const header = date ? `source: test\ndate: ${date}\n\n` : "";
  const a = analyseArticle("t1", "t1.txt", header + body);
  const { events, others } = findEvents(a);
  const names = (ids: number[]) => ids.map((i) => personName(a.persons[i])).sort();
  return { a, events, others, names };
}

describe("extract #events", () => {
  it("should build a meeting from 'met with' and resolve a weekday against publication", () => {
    const { events, names } = run(
      "Jordan's Foreign Minister Karim al-Dashti met with Egypt's Trade Adviser Omar Haddad in Cairo on Monday.",
    );
    expect(events).toHaveLength(1);
    expect(names(events[0].participants)).toEqual(["Karim al-Dashti", "Omar Haddad"]);
    expect(events[0].date).toBe("2023-05-08");
    expect(events[0].place).toBe("Cairo");
    expect(events[0].kind).toBe("meeting");
  });

  it("should merge 'the two sides' into the previous event and add attendees", () => {
    const { events, names } = run(
      "Karim al-Dashti received Omar Haddad on Tuesday. The two sides discussed trade. Adviser Sami Nour also attended the meeting.",
    );
    expect(events).toHaveLength(1);
    expect(names(events[0].participants)).toEqual(["Karim al-Dashti", "Omar Haddad", "Sami Nour"]);
    expect(events[0].roles.get(events[0].participants[0])).toBe("host");
  });

  it("should split separate meetings and keep 'earlier' events undated", () => {
    const { events, names } = run(
      "Leyla Aranov met Karim al-Dashti on Monday. Aranov had earlier held separate meetings with Omar Haddad and Nadia Farsi.",
    );
    expect(events.map((e) => names(e.participants))).toEqual([
      ["Karim al-Dashti", "Leyla Aranov"],
      ["Leyla Aranov", "Omar Haddad"],
      ["Leyla Aranov", "Nadia Farsi"],
    ]);
    expect(events.map((e) => e.date)).toEqual(["2023-05-08", null, null]);
  });

  it("should keep planned meetings out of events", () => {
    const { events, others } = run("President Samir Tarek is expected to meet Omar Haddad in Cairo next month.");
    expect(events).toHaveLength(0);
    expect(others[0].kind).toBe("planned");
  });

  it("should resolve a described counterpart and a phone call", () => {
    const { events, names } = run(
      "Egypt's Foreign Minister Omar Haddad spoke by phone with Jordan's Foreign Minister Karim al-Dashti. Later, Haddad held a press conference with his Jordanian counterpart.",
    );
    expect(events[0].kind).toBe("phone_call");
    expect(events[0].place).toBeNull();
    expect(names(events[events.length - 1].participants)).toEqual(["Karim al-Dashti", "Omar Haddad"]);
  });

  it("should leave dates null without a publication date and not count kin references", () => {
    const { events } = run("On Sunday, Omar Haddad met the son of the late Egyptian President Samir Tarek.", null);
    expect(events).toHaveLength(0);
    const second = run("On Sunday, Omar Haddad met Nadia Farsi.", null);
    expect(second.events[0].date).toBeNull();
    expect(second.names(second.events[0].participants)).toEqual(["Nadia Farsi", "Omar Haddad"]);
  });
});
