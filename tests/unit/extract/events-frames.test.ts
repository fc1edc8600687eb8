// Event frame tests: who takes part in a meeting, call or ceremony, and who is only mentioned beside it.
// Articles are synthetic, written for these tests, in the naming styles of several regions.

import { describe, expect, it } from "vitest";
import { analyseArticle, personName } from "../../../extractor/article";
import { findEvents } from "../../../extractor/events";

function run(body: string, date: string | null = "2023-05-10") {
  const header = date ? `source: test\ndate: ${date}\n\n` : "";
  const a = analyseArticle("t1", "t1.txt", header + body);
  const { events, others } = findEvents(a);
  const names = (ids: number[]) => ids.map((i) => personName(a.persons[i])).sort();
  return { a, events, others, names, groups: events.map((e) => names(e.participants)) };
}

describe("extract #events phone calls", () => {
  it("should make a call of 'X telephoned Y' and 'X called Y', one per counterpart", () => {
    const { events, groups } = run(
      "Prime Minister Rashid Karimov telephoned Emir of Kuwait Sheikh Nawaf Al Sabah on Monday to greet him. " +
        "Karimov also called President Tomas Novak of Slovakia.",
    );
    expect(groups).toEqual([
      ["Nawaf Al Sabah", "Rashid Karimov"],
      ["Rashid Karimov", "Tomas Novak"],
    ]);
    expect(events.every((e) => e.kind === "phone_call")).toBe(true);
    expect(events[0].date).toBe("2023-05-08");
  });

  it("should split calls with several people into one-to-one calls", () => {
    const { groups } = run(
      "President Thabo Dlamini has held telephonic conversations with President Ana Ferreira, Chancellor Klaus Weber and Prime Minister Hiroshi Tanaka.",
    );
    expect(groups).toEqual([
      ["Ana Ferreira", "Thabo Dlamini"],
      ["Klaus Weber", "Thabo Dlamini"],
      ["Hiroshi Tanaka", "Thabo Dlamini"],
    ]);
  });

  it("should not take the occasion or the addressee of greetings as a participant", () => {
    const { groups } = run(
      "President Aliyu Bello spoke by phone with President Kwame Mensah on the occasion of Independence Day Jubilee, and conveyed greetings of King Oba Adeyemi.",
    );
    expect(groups).toEqual([["Aliyu Bello", "Kwame Mensah"]]);
  });
});

describe("extract #events participants", () => {
  it("should leave out people a carried message is from or to", () => {
    const { groups } = run(
      "Foreign Minister Yusuf Haidari received in Kabul the special envoy of the President of Tajikistan, Ambassador Davron Saidov, bearer of a message to President Ashraf Rahimi. " +
        "Saidov said he carried a message from President Emomali Karimzoda.",
    );
    expect(groups).toEqual([["Davron Saidov", "Yusuf Haidari"]]);
  });

  it("should leave out first-person quoted memories and spokespeople", () => {
    const { groups } = run(
      "President Lee Jae-won met Prime Minister Nguyen Van Minh in Hanoi on Tuesday. " +
        '"I still remember when we received President Park Sung-ho in 2015," Lee said. ' +
        "Spokesman Kim Do-hyun said the talks with Nguyen Van Minh were warm.",
    );
    expect(groups).toEqual([["Lee Jae-won", "Nguyen Van Minh"]]);
  });

  it("should keep attendees listed in a third-person statement", () => {
    const { groups } = run(
      "Foreign Minister Elif Demir met Minister Karim Saleh in Amman on Monday. " +
        '"Deputy Minister Burak Aslan also attended the meeting," the ministry said.',
    );
    expect(groups).toEqual([["Burak Aslan", "Elif Demir", "Karim Saleh"]]);
  });

  it("should not make a meeting of 'before the meeting' or of someone said to be absent", () => {
    const { groups } = run(
      "President Nicolas Duarte received President Jorge Almagro on Monday. " +
        "Before the meeting, Almagro laid a wreath for the national hero Simon Ortega. " +
        "Chile sent Foreign Minister Paula Rojas, because President Ines Vidal was unable to travel.",
    );
    expect(groups).toEqual([["Jorge Almagro", "Nicolas Duarte", "Paula Rojas"]]);
  });

  it("should take 'his counterpart from COUNTRY, NAME' as the named person, not another titled one", () => {
    const { groups } = run(
      "Prime Minister Ines Vidal was in Lima. The president Rafael Costa receives on Wednesday his counterpart from Peru, Jorge Almagro, at the official residence of the presidency.",
    );
    expect(groups).toEqual([["Jorge Almagro", "Rafael Costa"]]);
  });
});

describe("extract #events multi-party", () => {
  it("should make separate bilateral meetings and a same-people meeting on another day", () => {
    const { events, groups } = run(
      "President Rafael Costa receives on Wednesday his counterpart from Peru, Jorge Almagro. " +
        "On Tuesday, the 2 heads of state took part in the summit of Andean leaders. " +
        "Bolivia sent Foreign Minister Paula Rojas. " +
        "Also on Tuesday, Costa held two other bilateral meetings: with the president of Chile, Ines Vidal, and with the president of Ecuador, Diego Mora.",
    );
    expect(groups).toEqual([
      ["Jorge Almagro", "Rafael Costa"],
      ["Jorge Almagro", "Paula Rojas", "Rafael Costa"],
      ["Ines Vidal", "Rafael Costa"],
      ["Diego Mora", "Rafael Costa"],
    ]);
    expect(events.map((e) => e.date)).toEqual(["2023-05-10", "2023-05-09", "2023-05-09", "2023-05-09"]);
  });
});

describe("extract #events ceremonies, receptions and pronouns", () => {
  it("should make a welcome and a co-chaired signing ceremony that the named signatories join", () => {
    const { events, groups } = run(
      "Prime Minister Anan Wongsa on Wednesday welcomed his Lao counterpart Sonexay Phomvihane to Government House. " +
        "At 11am, the two premiers co-chaired the signing ceremony of three agreements. " +
        "Deputy Prime Minister Chaiya Suksan signed for Thailand, and Minister Bounthong Keola signed for Laos.",
      null,
    );
    expect(groups).toEqual([
      ["Anan Wongsa", "Sonexay Phomvihane"],
      ["Anan Wongsa", "Bounthong Keola", "Chaiya Suksan", "Sonexay Phomvihane"],
    ]);
    expect(events.map((e) => e.kind)).toEqual(["meeting", "signing"]);
    expect(events.map((e) => e.date)).toEqual([null, null]);
  });

  it("should resolve a sentence-initial pronoun and give hosts of a passive reception", () => {
    const { a, events, groups } = run(
      "Sultan Faisal bin Qasim gave an audience on Monday to Prince Turki bin Saad. " +
        "It should be noted that Prince Turki bin Saad arrived here on Monday. " +
        "He was received by Minister Hamad bin Nasser al Harthy.",
    );
    expect(groups).toEqual([
      ["Faisal bin Qasim", "Turki bin Saad"],
      ["Hamad bin Nasser al Harthy", "Turki bin Saad"],
    ]);
    const host = a.persons.find((p) => personName(p) === "Hamad bin Nasser al Harthy")!.index;
    expect(events[1].roles.get(host)).toBe("host");
  });

  it("should take 'shook hands' as a meeting and 'called on' as a courtesy visit", () => {
    const { events, groups } = run(
      "Chancellor Anna Lindqvist and President Pekka Virtanen shook hands in Helsinki on Friday. " +
        "Ambassador Maria Santos called on Governor Ricardo Lim.",
    );
    expect(groups).toEqual([
      ["Anna Lindqvist", "Pekka Virtanen"],
      ["Maria Santos", "Ricardo Lim"],
    ]);
    expect(events[0].place).toBe("Helsinki");
    expect(events[1].kind).toBe("meeting");
  });
});

describe("extract #events dates", () => {
  it("should date a call by 'the call took place' and not by the day it was confirmed", () => {
    const { events } = run(
      "President Joao Tembe has had his phone call with President Amara Kone. " +
        "Tembe on Thursday confirmed the call. " +
        "The call took place on Tuesday evening, an aide said.",
      "2022-04-22",
    );
    expect(events).toHaveLength(1);
    expect(events[0].date).toBe("2022-04-19");
  });

  it("should leave earlier calls undated and keep 'the two leaders' on the main call", () => {
    const { events, groups } = run(
      "President Joao Tembe held a phone call with President Amara Kone on Wednesday. " +
        "Tembe has previously held phone calls with President Lin Wei and Chancellor Hans Berger. " +
        "A Sunday Times report said the phone call between the two leaders was delayed.",
      "2022-04-22",
    );
    expect(groups).toEqual([
      ["Amara Kone", "Joao Tembe"],
      ["Joao Tembe", "Lin Wei"],
      ["Hans Berger", "Joao Tembe"],
    ]);
    expect(events.map((e) => e.date)).toEqual(["2022-04-20", null, null]);
  });

  it("should resolve 'yesterday' after a dateline with a year and an agency", () => {
    const { a, events } = run(
      "Nairobi, March 3, 2021 (KNA) – President Wanjiru Kamau hosted a state dinner yesterday in honour of President Juma Mwinyi.",
      "2021-03-03",
    );
    expect(a.datelinePlace).toBe("Nairobi");
    expect(events[0].date).toBe("2021-03-02");
    expect(events[0].place).toBe("Nairobi");
  });

  it("should date talks under way on the day of publication and a welcome on the day of the arrival", () => {
    const now = run("Foreign Minister Ivan Petrov is now holding talks with Secretary Laura Hayes.", "2017-04-12");
    expect(now.events[0].date).toBe("2017-04-12");
    const visit = run(
      "Minister Arjun Mehta arrived in Jakarta on October 15 for a two-day visit. " +
        "Mehta was welcomed by his Indonesian counterpart Retno Susanto at the palace.",
      "2023-10-16",
    );
    expect(visit.events[0].date).toBe("2023-10-15");
  });

  it("should not add a weak-verb sentence's other-clause date as a new event of the same people", () => {
    const { events } = run(
      "President Carlos Ruiz received President Tomas Herrera today. " +
        "Ruiz reiterated his support for Herrera, who on April 19 took office.",
      "2018-04-21",
    );
    expect(events).toHaveLength(1);
    expect(events[0].date).toBe("2018-04-21");
  });

  it("should place an event in any city of the world after 'in'", () => {
    const { events } = run("Minister Aminata Diallo received, Monday in Bamako, Ambassador Pierre Lefort.");
    expect(events[0].place).toBe("Bamako");
  });
});

describe("extract #events more frames", () => {
  it("should read calls without the word 'phone' in front and 'over the phone'", () => {
    const { events, groups } = run(
      "Foreign Minister Ana Duarte spoke over the phone with her counterpart Rui Costa on Monday. " +
        "President Ismail Omar received a call from Prime Minister Abiy Tesfaye on Sunday. " +
        "Prime Minister Lim Wee Kiat held a videoconference with President Gabriel Rojas.",
    );
    expect(groups).toEqual([
      ["Ana Duarte", "Rui Costa"],
      ["Abiy Tesfaye", "Ismail Omar"],
      ["Gabriel Rojas", "Lim Wee Kiat"],
    ]);
    expect(events.every((e) => e.kind === "phone_call")).toBe(true);
  });

  it("should make one visit per host of 'visited A and B', with roles", () => {
    const { a, events, groups } = run(
      "Minister Kofi Asante visited President John Mahama and Vice President Kwame Boateng in Accra on Tuesday.",
    );
    expect(groups).toEqual([
      ["John Mahama", "Kofi Asante"],
      ["Kofi Asante", "Kwame Boateng"],
    ]);
    const guest = a.persons.find((p) => personName(p) === "Kofi Asante")!.index;
    expect(events[0].roles.get(guest)).toBe("guest");
    expect(events[0].place).toBe("Accra");
  });

  it("should split 'met separately with', keep 'no meeting' out, and read 'courtesy call on'", () => {
    const { groups } = run(
      "Chancellor Karl Weber met separately with President Ana Duarte and Premier Zhao Wei. " +
        "There was no meeting between President Lee Min-ho and Premier Zhao Wei. " +
        "Ambassador Tanaka Hiroshi paid a courtesy call on Governor Maria Lopez.",
    );
    expect(groups).toEqual([
      ["Ana Duarte", "Karl Weber"],
      ["Karl Weber", "Zhao Wei"],
      ["Maria Lopez", "Tanaka Hiroshi"],
    ]);
  });

  it("should leave out people of a plan told after the event in the same sentence", () => {
    const { groups } = run(
      "Emir Tamer bin Khalid held talks with President Nursultan Abenov in Astana, where he will join Premier Erlan Sadykov at a forum.",
    );
    expect(groups).toEqual([["Nursultan Abenov", "Tamer bin Khalid"]]);
  });
});

describe("extract #events look-alikes that are not meetings", () => {
  it("should not take demands, things of a person or letters for meetings", () => {
    const { events } = run(
      "The envoy Omar Bakri called on President Ana Duarte to release the prisoners. " +
        "Minister Rui Costa welcomed President Ana Duarte's remarks on trade. " +
        "President Ana Duarte sent Minister Rui Costa a letter. " +
        "Minister Kemal Aydin visited President Ana Duarte's hometown.",
    );
    expect(events).toHaveLength(0);
  });
});
