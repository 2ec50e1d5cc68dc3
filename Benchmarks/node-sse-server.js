// The peer for Benchmarks/server.py: a plain Node `http` SSE server doing what the guide's
// reference server does per connection (connected event, job_update broadcast, heartbeat).
// usage: node Benchmarks/node-sse-server.js PORT
const http = require('http');
const { randomUUID } = require('crypto');

const port = Number(process.argv[2] || 8001);
const subscribers = new Map(); // channel -> Set of responses
let sequence = 0;

function send(res, event, data, id) {
  res.write(`event: ${event}\n${id ? `id: ${id}\nretry: 2000\n` : ''}data: ${JSON.stringify(data)}\n\n`);
}

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') { res.end('ok'); return; }
  const match = req.url.match(/^\/sse\/([^?]+)/);
  if (!match) { res.statusCode = 404; res.end(); return; }
  const channel = match[1];
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
  send(res, 'connected', { connectionId: randomUUID(), timestamp: Date.now(), message: 'SSE connection established' });
  if (!subscribers.has(channel)) subscribers.set(channel, new Set());
  subscribers.get(channel).add(res);
  req.on('close', () => subscribers.get(channel).delete(res));
});
// As many as the kernel allows (capped by net.core.somaxconn), as Vitae asks for.
server.listen({ port, host: '127.0.0.1', backlog: 65535 });

// Five updates a second to the "ticker" channel, as the ticker pipeline makes for Vitae.
setInterval(() => {
  sequence += 1;
  const update = { type: 'job_update', jobId: 'ticker', status: 'in_progress', progress: sequence % 100,
                   stage: 'analyzing', message: `Waiting ${sequence} of 300` };
  for (const res of subscribers.get('ticker') || []) send(res, 'job_update', update, sequence);
}, 200);

// One heartbeat timer for all connections.
setInterval(() => {
  for (const set of subscribers.values()) for (const res of set) send(res, 'heartbeat', { timestamp: Date.now() });
}, 30000);

process.on('SIGTERM', () => process.exit(0));
