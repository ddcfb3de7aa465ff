// The ceiling of the public-answer yardsticks (bench/measures/public-answers.ts): a bare Node http
// server, in a process of its own like the app, sending one captured answer of the app (status,
// headers in their order, body bytes as compressed) to every request. Node adds Date and Connection
// as it does for the app. Reads the answer as JSON from the file named first; prints its port.
import fs from "node:fs";
import http from "node:http";

const answer = JSON.parse(fs.readFileSync(process.argv[2] ?? "", "utf8"));
const body = Buffer.from(answer.body, "base64");
const server = http.createServer((request, response) => {
  response.writeHead(answer.status, answer.headers);
  response.end(body);
});
server.listen(0, "127.0.0.1", () => console.log(String(server.address().port)));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
