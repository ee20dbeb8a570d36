// `npm start`: build if needed, then start the production server (which migrates and seeds).
import { buildIfNeeded } from "./build-if-needed.ts";
import { loadDataSecrets } from "./secrets.ts";

(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

// A self-hosted install needs a session secret and an audit secret; made once, kept in ./data.
loadDataSecrets({ session: true });

buildIfNeeded();
await import("../server.ts");
