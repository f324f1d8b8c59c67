// Serves a release build (default dist/) at http://127.0.0.1:$PORT/ exactly as it ships:
// no development server, so no live-reload script for the CSP to block.
import { startServer } from '../tests/e2e/server.mjs';

const dist = process.argv[2] ?? 'dist';
const port = Number(process.env.PORT ?? 8080);
const server = await startServer(dist, { port, basePath: '/' });
console.log(`report-drafter: serving ${dist} at ${server.url} (Ctrl+C to stop)`);
