import { describe, expect, it } from "vitest";
import { translator } from "../i18n/index.ts";
import { cellText } from "./personal-data.ts";

describe("the readable export's cells", () => {
  const nn = translator("nn");
  const en = translator("en");
  it("shows stored codes in words, one by one in a list, in the reader's language", () => {
    expect(cellText(["creator", "owner"], "nn", nn, { model: "ActionItem", field: "yourPart" }).text).toBe("oppretta, eigar");
    expect(cellText("received", "en", en, { model: "Invitation", field: "yourPart" }).text).toBe("to you");
    expect(cellText("CHANGES_REQUESTED", "nn", nn, { model: "ApprovalRequest", field: "status" }).text).toBe("Endringar ønskte");
    expect(cellText("IN_PROGRESS", "nn", nn, { model: "ActionItem", field: "status" }).text).toBe("I gang");
  });
  it("leaves a code it has no words for as it is, and shows yes/no and empty values in words", () => {
    expect(cellText("SOMETHING_NEW", "en", en, { model: "ApprovalRequest", field: "status" }).text).toBe("SOMETHING_NEW");
    expect(cellText(true, "nn", nn).text).toBe(nn("personalData.yes"));
    expect(cellText(null, "en", en).text).toBe(en("personalData.none"));
  });
});
