// `toolrisk serve`: the built site (dist/) over HTTP on 127.0.0.1, with nothing but Node. Astro's
// preview server was a child process that SIGTERM to toolrisk left running, printed a URL before it
// knew the port was free, and died with a stack trace on a busy one. Here the printed URL is the one
// that answers: it is printed once the server listens. A busy port is said plainly; without --port,
// the next free port is taken instead.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = new Map<string, string>([
  ['.html', 'text/html; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.xml', 'application/xml; charset=utf-8'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.webmanifest', 'application/manifest+json'],
]);

/** The file a URL path names inside `root`, or undefined when it would leave it. */
export function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** Serves `root`; resolves once listening, with the server and the URL that answers. */
export async function serveStatic(root: string, port: number, fallback: boolean): Promise<{ server: Server; url: string }> {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let file = fileFor(base, request.url ?? '/');
    if (file && !(await isFile(file)) && (await isFile(join(file, 'index.html')))) {
      // a folder without its trailing slash: send the browser to the canonical URL
      response.writeHead(301, { location: `${(request.url ?? '/').split('?')[0]}/` }).end();
      return;
    }
    let status = 200;
    if (!file || !(await isFile(file))) {
      status = 404;
      file = join(base, '404.html');
      if (!(await isFile(file))) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
    }
    response.writeHead(status, { 'content-type': TYPES.get(extname(file)) ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  for (let attempt = 0; ; attempt++) {
    const tried = port + attempt;
    const error = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
      server.once('error', done);
      server.listen(tried, '127.0.0.1', () => {
        server.off('error', done);
        done(undefined);
      });
    });
    if (!error) return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` };
    if (error.code !== 'EADDRINUSE' || !fallback || attempt >= 20 || tried >= 65535) {
      throw new Error(error.code === 'EADDRINUSE' ? `port ${tried} is already in use on 127.0.0.1; stop what uses it, or choose another with --port` : `cannot listen on 127.0.0.1:${tried}: ${error.message}`);
    }
  }
}
