import https from "node:https";

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The app instance that answered (scripts/serve.mjs's x-tarhuna-instance), "" when none said. */
  instance: string;
  /** The name=value pairs of the answer's Set-Cookie headers. */
  cookies: string[];
}

export interface HttpsRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * HTTPS with one certificate authority trusted, the one given (Caddy's internal CA in the tests):
 * the certificate is checked as a browser would, not waved through. Node's fetch cannot be given a
 * CA without undici, which is not a dependency, hence node:https.
 */
export class HttpsClient {
  private readonly agent: https.Agent;

  constructor(
    readonly origin: string,
    certificateAuthority: string,
  ) {
    this.agent = new https.Agent({ ca: certificateAuthority, keepAlive: true, maxSockets: 256 });
  }

  request(pathname: string, options: HttpsRequest = {}, timeoutMilliseconds = 30_000): Promise<HttpsAnswer> {
    const url = new URL(pathname, this.origin);
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const headers = { ...options.headers, ...(body ? { "content-length": String(body.length) } : {}) };
    return new Promise((resolve, reject) => {
      const request = https.request(url, { method: options.method ?? "GET", headers, agent: this.agent, timeout: timeoutMilliseconds }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const instance = response.headers["x-tarhuna-instance"];
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            instance: typeof instance === "string" ? instance : "",
            cookies: (response.headers["set-cookie"] ?? []).map((header) => header.split(";")[0] ?? ""),
          });
        });
      });
      request.on("timeout", () => request.destroy(new Error(`${url.pathname}: no answer within ${timeoutMilliseconds} ms`)));
      request.on("error", reject);
      request.end(body);
    });
  }

  /**
   * Asks until `instance` answers (the proxy shares requests round robin, so a few tries do): for
   * requests that change nothing, to check what one particular instance says.
   */
  async requestOn(instance: string, pathname: string, options: HttpsRequest = {}): Promise<HttpsAnswer> {
    const seen: string[] = [];
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const answer = await this.request(pathname, options);
      if (answer.instance === instance) return answer;
      seen.push(answer.instance || `(none, HTTP ${answer.status})`);
    }
    throw new Error(`instance ${instance} did not answer ${pathname} in 20 tries; these did: ${seen.join(", ")}`);
  }

  close(): void {
    this.agent.destroy();
  }
}
