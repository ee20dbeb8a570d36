// `npm run admin:create -- --email EMAIL --name "NAME" [--forum SLUG | --forum-name "NAME"]`
// Creates the first administrator of a real installation. The password is asked for (hidden) on a
// terminal, or read from the first line of standard input otherwise.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { hashPassword } from "../lib/auth/password.ts";
import { envOrExit } from "../lib/boot.ts";
import { createDb } from "../lib/db/client.ts";
import { createForum, firstForum } from "../lib/db/forums.ts";
import { migrateDatabase } from "../lib/db/prepare.ts";
import { createUserInForum, findUserByEmail } from "../lib/db/users.ts";
import { newPasswordSchema } from "../lib/validation/auth.ts";
import { loadDataSecrets } from "./secrets.ts";
import { emailSchema, text } from "../lib/validation/common.ts";

function fail(message: string): never {
  console.error(`admin:create: ${message}`);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(prompt)) process.stdout.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat password: ");
  if (first !== second) fail("the passwords do not match");
  return first;
}

function slugify(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "forum";
}

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, forum: { type: "string" }, "forum-name": { type: "string" } },
});
const email = emailSchema.safeParse(values.email ?? "");
if (!email.success) fail("--email must be a valid e-mail address");
const name = text(2, 120).safeParse(values.name ?? email.data.split("@")[0]);
if (!name.success) fail("--name must have 2 to 120 characters");

// The audit event it writes must be keyed like the server's (./data/.audit-secret unless AUDIT_SECRET is set).
loadDataSecrets({ session: false });
const env = envOrExit();
await migrateDatabase(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL);
try {
  if (await findUserByEmail(db, email.data)) fail(`a user with ${email.data} already exists`);
  let forum = values.forum ? await db.forum.findUnique({ where: { slug: values.forum }, select: { id: true, slug: true, name: true } }) : await firstForum(db);
  if (values.forum && !forum) fail(`no forum with slug ${values.forum}`);
  if (!forum) {
    const forumName = values["forum-name"];
    if (!forumName) fail('the database has no forum yet: add --forum-name "Kompetanseforum …"');
    forum = await createForum(db, { slug: slugify(forumName), name: forumName });
    console.log(`Created forum ${forum.name} (/f/${forum.slug}).`);
  }
  const password = newPasswordSchema.safeParse(await readPassword());
  if (!password.success) fail("the password must have at least 12 characters");
  const passwordHash = await hashPassword(password.data);
  const user = await db.$transaction((tx) => createUserInForum(tx, null, forum.id, {
    name: name.data, email: email.data, passwordHash, forumRole: "ADMIN", mustChangePassword: false,
  }));
  console.log(`Created administrator ${user.email} in ${forum.name}.`);
} finally {
  await db.$disconnect();
}
