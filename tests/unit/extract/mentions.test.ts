// Mention and title tests: persons from name chunks, titles before/after names, surname linking.
// All sentences are synthetic, written for these tests.

import { describe, expect, it } from "vitest";
import { analyseArticle, personName } from "../../../extractor/article";
import { chooseTitle } from "../../../extractor/titles";

function analyse(body: string, date = "2023-05-10") {
  return analyseArticle("t1", "t1.txt", `source: test\ndate: ${date}\n\n${body}`);
}

function titleOf(a: ReturnType<typeof analyse>, name: string): string | undefined {
  const p = a.persons.find((x) => personName(x) === name);
  return p ? chooseTitle(p.titles)?.text : undefined;
}

describe("extract #mentions", () => {
  it("should find persons after titles, honorifics and organisation names", () => {
    const a = analyse(
      "Jordan's Foreign Minister Karim al-Dashti met the Secretary of the Regional Security Council Leyla Aranov in Amman. Dr. Tomas Verhaal attended.",
    );
    expect(a.persons.map(personName)).toEqual(["Karim al-Dashti", "Leyla Aranov", "Tomas Verhaal"]);
  });

  it("should not take organisations, quoted names or glued heads for persons", () => {
    const a = analyse(
      "The Zarin Valley Dam and the “Blue Kestrel” project were discussed by the Northern Rail Authority.",
    );
    expect(a.persons).toHaveLength(0);
  });

  it("should link a surname to the nearest preceding full name with that surname", () => {
    const a = analyse(
      "Dara Shirzad met Omar Haddad. Shirzad said ties were good. Later Dilan Shirzad arrived. Shirzad smiled.",
    );
    const names = a.mentions.map((m) => personName(a.persons[m.person]));
    expect(names).toEqual(["Dara Shirzad", "Omar Haddad", "Dara Shirzad", "Dilan Shirzad", "Dilan Shirzad"]);
    expect(a.ambiguous).toHaveLength(2);
  });

  it("should merge in-article spelling variants", () => {
    const a = analyse("Yusuf Ghaderi met envoys. Later Ghadery left.");
    expect(a.persons).toHaveLength(1);
    expect(a.persons[0].shortNames).toEqual(["Ghadery"]);
  });
});

describe("extract #titles", () => {
  it("should read titles before the name, with the country possessive and complements", () => {
    const a = analyse(
      "Jordan's Foreign Minister Karim al-Dashti met the Deputy Minister for Trade Affairs Ambassador Dr. Nadia Farsi.",
    );
    expect(titleOf(a, "Karim al-Dashti")).toBe("Jordan's Foreign Minister");
    expect(titleOf(a, "Nadia Farsi")).toBe("Deputy Minister for Trade Affairs");
  });

  it("should read appositive titles and prefer them to ranks", () => {
    const a = analyse(
      "The pact was signed by Colonel Samir Tarek, the commander of Ruwad border guards, and Omar Haddad, Egypt's Trade Adviser, on Monday.",
    );
    expect(titleOf(a, "Samir Tarek")).toBe("commander of Ruwad border guards");
    expect(titleOf(a, "Omar Haddad")).toBe("Egypt's Trade Adviser");
  });

  it("should cross an appositive comma and read 'who serves as'", () => {
    const a = analyse(
      "On Friday, the Governor of Amman Province, Rami Salem, received Noor Qassab, from the Unity Bloc, who serves as the bloc's deputy chairman.",
    );
    expect(titleOf(a, "Rami Salem")).toBe("Governor of Amman Province");
    expect(titleOf(a, "Noor Qassab")).toBe("bloc's deputy chairman");
  });

  it("should not give a name the title of the next name in a list", () => {
    const a = analyse(
      "The talks were attended by Adviser Sami Nour, Director of the Planning Office Hana Reza, and others.",
    );
    expect(titleOf(a, "Hana Reza")).toBe("Director of the Planning Office");
    expect(titleOf(a, "Sami Nour")).toBe("Adviser");
  });

  it("should take the title of the first mention in the body, not the headline's or a caption's", () => {
    const a = analyseArticle(
      "t1",
      "t1.txt",
      "date: 2024-03-04\n\nChilean FM meets Uruguayan counterpart\n\nUruguay's Foreign Minister Ana Ferreyra and her guest pose in Montevideo. Photo: Presidency/AFP\n\nChilean Foreign Minister Tomás Ugarte met his Uruguayan counterpart, Ana Ferreyra, on Monday. Later Ana Ferreyra, Uruguay's top diplomat, spoke to the press.",
    );
    expect(titleOf(a, "Tomás Ugarte")).toBe("Chilean Foreign Minister");
    expect(titleOf(a, "Ana Ferreyra")).toBe("Uruguayan counterpart");
  });

  it("should prefer a title spelled out to its abbreviation", () => {
    const a = analyse("Kenyan FM Otieno Wafula arrived. Kenyan Foreign Minister Otieno Wafula then met the press.");
    expect(titleOf(a, "Otieno Wafula")).toBe("Kenyan Foreign Minister");
  });

  it("should read a ruler's title with the country after it", () => {
    const a = analyse("The Amir of Kuwait Sheikh Salem Al Rashid received the envoy.");
    expect(titleOf(a, "Salem Al Rashid")).toBe("Amir of Kuwait");
  });
});
