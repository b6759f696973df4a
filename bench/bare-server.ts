// The baseline of `npm run bench:serve`: bare node:http answering one fixed JSON body, nothing else.
// Usage: bare-server.ts <port>
import { createServer } from 'node:http';

const BODY = JSON.stringify({ token: 'x'.repeat(76) });
const port = Number(process.argv[2]);
createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) }).end(BODY);
}).listen(port, '127.0.0.1');
