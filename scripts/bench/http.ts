import http from 'node:http';

export const CSRF_HEADERS = { 'x-prongsai-csrf': '1' };

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Sign in through the API like the web client does; returns the Cookie header for later requests. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const reply = await request(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { ...CSRF_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = reply.headers['set-cookie']?.map((line) => line.split(';')[0]).find((pair) => pair?.startsWith('prongsai_session='));
  if (reply.status !== 200 || !cookie) throw new Error(`login as ${email} failed: ${reply.status} ${reply.body.slice(0, 200)}`);
  return cookie;
}
