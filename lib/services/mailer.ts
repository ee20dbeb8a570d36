import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env.ts";

let transport: Transporter | null | undefined;

/** The SMTP transport when SMTP_URL is set; null when e-mail is off. */
function transporter(): Transporter | null {
  if (transport !== undefined) return transport;
  const url = env().SMTP_URL;
  transport = url ? nodemailer.createTransport(url) : null;
  return transport;
}

/** Sends one plain-text e-mail; false when e-mail is not configured. Errors are thrown to the caller. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const t = transporter();
  if (!t) return false;
  await t.sendMail({ from: env().MAIL_FROM, ...message });
  return true;
}
