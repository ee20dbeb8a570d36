import { createTargetArea as insertArea, findTargetArea, targetAreaNameTaken, updateTargetArea as writeArea } from "../db/target-areas.ts";
import { presentTargetArea, type TargetAreaView } from "../presenters/admin.ts";
import { AppError } from "../services/errors.ts";
import type { TargetAreaCreateInput, TargetAreaUpdateInput } from "../validation/target-area.ts";
import { assertVersion, mustAdminister, runCommand, type CommandCaller } from "./command.ts";

export function createTargetArea(caller: CommandCaller, input: TargetAreaCreateInput): Promise<TargetAreaView> {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    if (await targetAreaNameTaken(ctx.tx, ctx.standing.forum.id, input.name)) throw new AppError("conflict", "errors.targetAreaNameTaken");
    return presentTargetArea(await insertArea(ctx.tx, ctx.actor, ctx.standing.forum.id, input));
  }, { uniqueMessage: "errors.targetAreaNameTaken" });
}

export function updateTargetArea(caller: CommandCaller, id: string, input: TargetAreaUpdateInput): Promise<TargetAreaView> {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    const before = await findTargetArea(ctx.tx, ctx.standing.forum.id, id);
    if (!before) throw new AppError("not_found");
    const { version, ...fields } = input;
    assertVersion(version, before, () => presentTargetArea(before));
    if (fields.name && (await targetAreaNameTaken(ctx.tx, ctx.standing.forum.id, fields.name, id))) throw new AppError("conflict", "errors.targetAreaNameTaken");
    const after = await writeArea(ctx.tx, ctx.actor, ctx.standing.forum.id, id, fields);
    if (!after) throw new AppError("not_found");
    return presentTargetArea(after);
  }, { uniqueMessage: "errors.targetAreaNameTaken" });
}
