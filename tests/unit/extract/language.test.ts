// Language check tests: long foreign texts are refused with a clear message; short texts and English full of
// foreign names never are. Every text is written for the test.

import { describe, expect, it } from "vitest";
import { detectLanguage, MIN_CHARS_TO_JUDGE, notEnglishMessage } from "../../../extractor/language";

const SPANISH =
  "La ministra de Relaciones Exteriores de Chile recibió el lunes en Santiago a su homólogo de Ghana para " +
  "conversar sobre el comercio de cobre y de cacao. Ambos gobiernos acordaron crear una comisión mixta, estudiar " +
  "un vuelo directo entre las dos capitales y reunirse otra vez antes de fin de año, según un comunicado de la " +
  "cancillería publicado por la tarde.";

const FRENCH =
  "Le ministre des Affaires étrangères du Sénégal a reçu lundi à Dakar son homologue du Mali pour parler de la " +
  "sécurité dans la région du Sahel et du commerce entre les deux pays. Les deux responsables ont convenu de " +
  "renforcer la coopération entre leurs services et de se revoir avant la fin du mois prochain à Bamako.";

const ENGLISH_WITH_NAMES =
  "Kwabena Owusu-Ansah, Joaquín Irarrázaval Larraín, Nguyen Thi Thanh Huong, Oyelaran Adebayo-Okonkwo, " +
  "Tshilombo Mukendi, Sánchez Pérez de la Fuente, Aung Kyaw Zin, Bui Van Thanh and Sheikh Hamad bin Khalid " +
  "Al Nuaimi met Ramón Etxeberria Goikoetxea in Ouagadougou, Bujumbura, Ulaanbaatar and Tegucigalpa on Tuesday.";

const ENGLISH_NEWS =
  "The foreign ministers of Ghana and Chile met in Accra on Tuesday to discuss cocoa exports, copper prices and " +
  "a new direct flight between the two capitals. Ghana's foreign minister said the talks had been frank and " +
  "useful, and that both governments hoped to sign a trade memorandum before the end of the year.";

describe("language #detect", () => {
  it("should refuse a long Spanish paragraph with a message naming the language", () => {
    expect(SPANISH.length).toBeGreaterThanOrEqual(MIN_CHARS_TO_JUDGE);
    const verdict = detectLanguage(SPANISH);
    expect(verdict.english).toBe(false);
    expect(notEnglishMessage(verdict)).toBe("Parley reads English articles; this looks like Spanish.");
  });

  it("should refuse a long French paragraph", () => {
    expect(detectLanguage(FRENCH)).toMatchObject({ english: false, name: "French" });
  });

  it("should accept long English news and long English full of foreign names", () => {
    expect(detectLanguage(ENGLISH_NEWS).english).toBe(true);
    expect(ENGLISH_WITH_NAMES.length).toBeGreaterThanOrEqual(MIN_CHARS_TO_JUDGE);
    expect(detectLanguage(ENGLISH_WITH_NAMES).english).toBe(true);
  });

  it("should never refuse a short text, whatever it looks like", () => {
    for (const short of [
      "Nguyen Van Thanh met Kwame Asante-Mensah and Joaquín Irarrázaval in Quito.",
      "Ouattara, Tshisekedi and Mnangagwa met Sánchez in Bissau.",
      "El ministro se reunió con su homólogo en Santiago.",
    ]) {
      expect(short.length).toBeLessThan(MIN_CHARS_TO_JUDGE);
      expect(detectLanguage(short).english).toBe(true);
    }
  });
});
