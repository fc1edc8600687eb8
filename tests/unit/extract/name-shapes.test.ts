// Name-shape tests: honorific chains, particles, initials, nicknames, numerals, and places that look like names.
// Every sentence is written for these tests, in the naming styles of several regions.

import { describe, expect, it } from "vitest";
import { analyseArticle, personName } from "../../../extractor/article";

function personsOf(body: string): string[] {
  const a = analyseArticle("t1", "t1.txt", `source: test\ndate: 2024-03-04\n\n${body}`);
  return a.persons.map(personName);
}

describe("extract #name-shapes", () => {
  it("should peel royal, religious and courtesy honorifics off the name", () => {
    expect(personsOf("His Majesty King Abdul Rahim III received the envoy on Sunday.")).toEqual(["Abdul Rahim III"]);
    expect(personsOf("Samdech Moha Borvor Thipadei Sok Chanda opened the forum in Siem Reap.")).toEqual(["Sok Chanda"]);
    expect(personsOf("H.E. Nomvula Dlamini welcomed the delegation to the residence.")).toEqual(["Nomvula Dlamini"]);
    expect(personsOf("His Holiness Pope Gregory XVII blessed the pilgrims.")).toEqual(["Gregory XVII"]);
  });

  it("should never take an honorific alone for a person", () => {
    expect(personsOf("The minister said His Majesty looks forward to the visit.")).toEqual([]);
    expect(personsOf("Trade grew, His Excellency noted in his speech.")).toEqual([]);
  });

  it("should keep name particles inside the name", () => {
    expect(personsOf("President Maria da Conceição met Minister Jan van den Berg in Lisbon.")).toEqual([
      "Maria da Conceição",
      "Jan van den Berg",
    ]);
    expect(personsOf("Commissioner Greta von der Heide spoke with Pablo de la Vega.")).toEqual([
      "Greta von der Heide",
      "Pablo de la Vega",
    ]);
    expect(personsOf("Ambassador Saad bin Rashid al Harthi arrived on Monday.")).toEqual(["Saad bin Rashid al Harthi"]);
  });

  it("should read a surname that opens with a particle after a title", () => {
    expect(personsOf("The talks with Foreign Secretary de la Vega went well.")).toEqual(["de la Vega"]);
  });

  it("should keep a given name that is also a common word before a patronymic particle", () => {
    expect(personsOf("The audience was attended by Eid bin Saleh al Qahtani, the ambassador.")).toEqual([
      "Eid bin Saleh al Qahtani",
    ]);
  });

  it("should keep middle initials with or without a full stop", () => {
    expect(personsOf("Senator Harold T. Whitcombe met Priya K Raman in Chennai.")).toEqual([
      "Harold T. Whitcombe",
      "Priya K Raman",
    ]);
    expect(personsOf("Minister R. Venkatesan said the deal was fair.")).toEqual(["R. Venkatesan"]);
  });

  it("should leave a quoted nickname out of the name and link it later", () => {
    const a = analyseArticle(
      "t1",
      "t1.txt",
      "date: 2024-03-04\n\nPresident Bambang “Bambi” Sutrisno met the premier. President Bambi said ties were strong.",
    );
    expect(a.persons.map(personName)).toEqual(["Bambang Sutrisno"]);
    expect(a.persons[0].mentions).toHaveLength(2);
  });

  it("should not take cities, countries or regions of the world for persons", () => {
    expect(personsOf("Leaders gathered in Addis Ababa and later flew to Phnom Penh.")).toEqual([]);
    expect(personsOf("The President of Timor Leste met Southeast Asian envoys in Ouagadougou.")).toEqual([]);
    expect(personsOf("Moroccans Abroad and Paraguayans were represented.")).toEqual([]);
  });

  it("should take a name before a place word or after a preposition of place for a place", () => {
    expect(personsOf("He visited the ancient Wat Sampheng temple on Sunday.")).toEqual([]);
    expect(personsOf("The embassy will be built around Bole Medhane, near the airport.")).toEqual([]);
  });

  it("should not take a capitalised word after a bullet or a feast for a name", () => {
    expect(personsOf("▪︎ Between Chile’s Ministry of Energy and the Andes Grid Company on power trade.")).toEqual([]);
    expect(personsOf("Greetings were exchanged on the occasion of Eidul Fitr.")).toEqual([]);
  });

  it("should read Amir as a title before a country and as a given name before a surname", () => {
    expect(personsOf("The Amir of Kuwait received Amir Tehrani, the visiting minister.")).toEqual(["Amir Tehrani"]);
  });

  it("should read titles with an -elect or ex- affix as titles, not names", () => {
    expect(personsOf("President-elect Amara Konneh met ex-Minister Joseph Tarr.")).toEqual([
      "Amara Konneh",
      "Joseph Tarr",
    ]);
  });

  it("should merge a full name written later without its first given name", () => {
    expect(
      personsOf("Prime Minister Muhammad Rafiq Qureshi called the king. Rafiq Qureshi thanked him for the support."),
    ).toEqual(["Muhammad Rafiq Qureshi"]);
  });

  it("should keep a father's name after bin apart from his son", () => {
    expect(personsOf("Sheikh Nasser bin Hamad Al Mansouri met Hamad Al Mansouri in Doha.")).toEqual([
      "Nasser bin Hamad Al Mansouri",
      "Hamad Al Mansouri",
    ]);
  });

  it("should link a title word that is also a given name, used with a given name, to the known person", () => {
    const a = analyseArticle(
      "t1",
      "t1.txt",
      "date: 2024-03-04\n\nSheikh Fahad bin Jassim Al Kuwari arrived. Amir Fahad later thanked the hosts.",
    );
    expect(a.persons.map(personName)).toEqual(["Fahad bin Jassim Al Kuwari"]);
    expect(a.persons[0].mentions).toHaveLength(2);
  });

  it("should not take a phrase of common words for a person, but keep names that are also words", () => {
    expect(personsOf("The deal covers Renewable Energy Financing and Water Management in the Mekong basin.")).toEqual(
      [],
    );
    expect(personsOf("Minister Hope Mwale met Grant Okafor and spoke of Knowledge Exchange.")).toEqual([
      "Hope Mwale",
      "Grant Okafor",
    ]);
  });

  it("should end a title's phrase before the name that follows it", () => {
    expect(
      personsOf("The Minister of Science, Research and Innovation Kanya Sombat signed for the Thai side."),
    ).toEqual(["Kanya Sombat"]);
  });

  it("should not take a participle after a title for a surname", () => {
    expect(personsOf("The Minister Attached to the Prime Minister, Dr Vann Sothea, signed the accord.")).toEqual([
      "Vann Sothea",
    ]);
  });
});
