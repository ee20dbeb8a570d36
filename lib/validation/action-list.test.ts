import { describe, expect, it } from "vitest";
import { actionListQueryStringSchema, actionListQueryToSearch, parseActionListQuery } from "./action-list.ts";

const ID = "abcdefgh12345678";

describe("an action list's URL state", () => {
  it("reads every key it knows, in canonical order back out, leaving defaults out", () => {
    const params = new URLSearchParams(`dir=desc&sort=due&status=BLOCKED&view=table&overdue=1&owner=none&group=${ID}&groupBy=owner&utm_source=mail`);
    const { query, invalid } = parseActionListQuery(params);
    expect(invalid).toEqual([]);
    expect(query).toEqual({ view: "table", group: ID, owner: "none", status: "BLOCKED", overdue: true, groupBy: "owner", sort: "due", dir: "desc" });
    expect(actionListQueryToSearch(query).toString()).toBe(`view=table&group=${ID}&owner=none&status=BLOCKED&overdue=1&groupBy=owner&sort=due&dir=desc`);
    expect(actionListQueryToSearch({ view: "list" }).toString()).toBe("");
  });

  it("leaves a bad value out and names it, keeping the good ones", () => {
    const { query, invalid } = parseActionListQuery({ status: "MAYBE", view: "kanban", owner: "x", overdue: "yes", sort: "due", group: [ID, "other"] });
    expect(invalid).toEqual(["view", "owner", "status", "overdue"]);
    expect(query).toEqual({ group: ID, sort: "due" });
  });

  it("a saved view's query must be wholly valid and is stored canonical", () => {
    expect(actionListQueryStringSchema.parse("?status=DONE&view=board")).toBe("view=board&status=DONE");
    expect(actionListQueryStringSchema.parse("")).toBe("");
    for (const bad of ["status=MAYBE", "evil=1", `group=${"a".repeat(1001)}`, "view=list&view=kanban&sort=x"]) {
      expect(actionListQueryStringSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
