import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env.ts";

let transport: Transporter | null | undefined;

// Bounded waits (nodemailer's socket default is an hour): a send must end well within the mail
// worker's lease (MAIL_LEASE_MS), or a slow server could see one message claimed twice.
const TIMEOUTS = { connectionTimeout: "30000", greetingTimeout: "30000", socketTimeout: "60000" };

/** The SMTP transport when SMTP_URL is set; null when e-mail is off. */
function transporter(): Transporter | null {
  if (transport !== undefined) return transport;
  const url = env().SMTP_URL;
  if (!url) return (transport = null);
  // Options in the URL's query win; nodemailer reads them from there.
  const withTimeouts = new URL(url);
  for (const [k, v] of Object.entries(TIMEOUTS)) if (!withTimeouts.searchParams.has(k)) withTimeouts.searchParams.set(k, v);
  transport = nodemailer.createTransport(withTimeouts.toString());
  return transport;
}

/** Sends one plain-text e-mail; false when e-mail is not configured. Errors are thrown to the caller. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const t = transporter();
  if (!t) return false;
  await t.sendMail({ from: env().MAIL_FROM, ...message });
  return true;
}
