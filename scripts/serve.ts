// The HTTP server in front of Next (`npm start`, `npm run serve`, the e2e run). Next's own `next start` gives
// route handlers no trustworthy client address (it fills x-forwarded-for from the socket only when the client
// sent none, so a client can choose its own), so this server:
// - works out the client address (server/http/resolve-address.ts) and passes it in x-ladder-client-address,
//   replacing any value a client sent;
// - refuses over-long URLs (414), header sections (431) and bodies over the route's limit (413) before they are
//   read (server/http/request-limits.ts), with a plain sentence instead of a reset connection;
// - sets the security headers on every response (pages get their CSP with a nonce from proxy.ts).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { checkRequest, type GateVerdict, MAX_HEADER_BYTES, refusalBody } from "@/server/http/request-limits";
import { addressConfigFromEnv, resolveClientAddress } from "@/server/http/resolve-address";
import { CLIENT_ADDRESS_HEADER } from "@/server/security/client-address";
import { API_CSP, securityHeaders } from "@/server/security/headers";

const port = Number(process.env.PORT ?? 3000);
const dev = process.env.NODE_ENV === "development";
const addressConfig = addressConfigFromEnv();

function refuse(res: ServerResponse, path: string, verdict: Extract<GateVerdict, { ok: false }>) {
  const { contentType, body } = refusalBody(path.split("?")[0] ?? "/", verdict);
  res.statusCode = verdict.status;
  res.setHeader("Content-Type", contentType);
  res.setHeader("Connection", "close");
  res.end(body);
}

const app = next({ dev, port });
const handle = app.getRequestHandler();
await app.prepare();

const headers = securityHeaders();

const server = createServer(
  { maxHeaderSize: MAX_HEADER_BYTES },
  (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = req.url ?? "/";
    // Pages get theirs (with the script nonce) from proxy.ts.
    if (path.startsWith("/api/") || path.startsWith("/_next/"))
      res.setHeader("Content-Security-Policy", API_CSP);
    const verdict = checkRequest(req);
    if (!verdict.ok) {
      // The rest of a refused body is never read: the connection closes after the answer.
      refuse(res, path, verdict);
      return;
    }
    delete req.headers[CLIENT_ADDRESS_HEADER];
    const address = resolveClientAddress(req.socket.remoteAddress, req.headers, addressConfig);
    if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
    void handle(req, res);
  },
);

// Requests Node cannot even parse (a header section over MAX_HEADER_BYTES, which includes the URL, or garbage)
// get an answer instead of a reset connection.
server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
  if (!socket.writable) return socket.destroy();
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const body = tooLarge ? "The address or headers are too long.\n" : "The request could not be read.\n";
  const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
});

server.listen(port, () => {
  console.log(`Ladder CRM listening on port ${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
