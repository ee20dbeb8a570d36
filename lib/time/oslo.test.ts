import { describe, expect, it } from "vitest";
import { addDays, isOverdue, startOfOsloDate, startOfOsloDay, todayInOslo } from "./oslo.ts";

const at = (iso: string) => new Date(iso);

describe("today in Oslo", () => {
  it("is Norway's calendar date, not UTC's, on both sides of midnight", () => {
    // Winter (UTC+1): 23:30 UTC is 00:30 the next day in Oslo; 22:59 UTC is still 23:59.
    expect(todayInOslo(at("2026-11-26T23:30:00Z"))).toBe("2026-11-27");
    expect(todayInOslo(at("2026-11-26T22:59:59Z"))).toBe("2026-11-26");
    expect(todayInOslo(at("2026-11-26T23:00:00Z"))).toBe("2026-11-27");
    // Summer (UTC+2): the day starts at 22:00 UTC.
    expect(todayInOslo(at("2026-06-30T21:59:59Z"))).toBe("2026-06-30");
    expect(todayInOslo(at("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
    // New Year's Eve in UTC is already New Year in Oslo.
    expect(todayInOslo(at("2026-12-31T23:15:00Z"))).toBe("2027-01-01");
  });

  it("starts at Oslo midnight, as an instant, in winter and summer", () => {
    expect(startOfOsloDay(at("2026-11-27T10:00:00Z")).toISOString()).toBe("2026-11-26T23:00:00.000Z");
    expect(startOfOsloDay(at("2026-11-26T23:30:00Z")).toISOString()).toBe("2026-11-26T23:00:00.000Z");
    expect(startOfOsloDay(at("2026-11-26T22:59:59Z")).toISOString()).toBe("2026-11-25T23:00:00.000Z");
    expect(startOfOsloDay(at("2026-07-01T12:00:00Z")).toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfOsloDay(at("2026-06-30T22:00:00Z")).toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });

  it("handles the days the clocks change (last Sunday of March and of October)", () => {
    // 29 March 2026: 02:00 → 03:00 local (01:00 UTC). The day began in winter time and has 23 hours.
    expect(startOfOsloDate("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfOsloDate("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfOsloDate("2026-03-30").getTime() - startOfOsloDate("2026-03-29").getTime()).toBe(23 * 3600_000);
    expect(todayInOslo(at("2026-03-29T00:59:59Z"))).toBe("2026-03-29");
    expect(todayInOslo(at("2026-03-29T21:59:59Z"))).toBe("2026-03-29");
    expect(todayInOslo(at("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
    expect(startOfOsloDay(at("2026-03-29T01:30:00Z")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    // 25 October 2026: 03:00 → 02:00 local (01:00 UTC). The day began in summer time and has 25 hours.
    expect(startOfOsloDate("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfOsloDate("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(startOfOsloDate("2026-10-26").getTime() - startOfOsloDate("2026-10-25").getTime()).toBe(25 * 3600_000);
    expect(todayInOslo(at("2026-10-25T22:59:59Z"))).toBe("2026-10-25");
    expect(todayInOslo(at("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
    expect(startOfOsloDay(at("2026-10-25T01:30:00Z")).toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it("adds calendar days across month, year and DST boundaries", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-11-26", 0)).toBe("2026-11-26");
  });
});

describe("overdue", () => {
  it("is an open item due before today; due today is not overdue yet; closed items never are", () => {
    expect(isOverdue({ status: "OPEN", dueDate: "2026-11-26" }, "2026-11-27")).toBe(true);
    expect(isOverdue({ status: "BLOCKED", dueDate: "2026-11-26" }, "2026-11-27")).toBe(true);
    expect(isOverdue({ status: "OPEN", dueDate: "2026-11-27" }, "2026-11-27")).toBe(false);
    expect(isOverdue({ status: "DONE", dueDate: "2026-11-01" }, "2026-11-27")).toBe(false);
    expect(isOverdue({ status: "OPEN", dueDate: null }, "2026-11-27")).toBe(false);
  });

  it("turns at Oslo midnight, not UTC midnight", () => {
    const item = { status: "OPEN", dueDate: "2026-11-26" };
    expect(isOverdue(item, todayInOslo(at("2026-11-26T22:59:00Z")))).toBe(false);
    expect(isOverdue(item, todayInOslo(at("2026-11-26T23:01:00Z")))).toBe(true);
  });
});
