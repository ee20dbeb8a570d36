"use client";

import { useEffect, useState } from "react";

const EVENT = "samrad:announce";

/** Says something that must outlive the element that caused it (a removed row's own status goes with the row). */
export function announce(message: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: message }));
}

/** Where `announce` speaks: a polite live region, shown as a success notice while it holds a message. */
export function Announcer() {
  const [message, setMessage] = useState("");
  useEffect(() => {
    const on = (e: Event) => setMessage((e as CustomEvent<string>).detail);
    window.addEventListener(EVENT, on);
    return () => window.removeEventListener(EVENT, on);
  }, []);
  return (
    <div role="status" className={message ? "notice notice--success" : "visually-hidden"}>
      {message}
    </div>
  );
}
