/** A refusal or failure of the API, with the sentence it gave. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface CommandResult {
  planId: string;
  revision: number;
  position: number;
  eventIds: string[];
}

/**
 * The plan API over plain HTTP, as any client would call it: a bearer token per request, JSON in
 * and out, and `waitFor` on reads so that they see the writes before them.
 */
export class PlanApiClient {
  /** The global position of the latest write, which reads wait for. */
  private lastPosition: number | undefined;

  constructor(readonly apiUrl: string) {}

  async command(token: string, method: 'POST' | 'PUT', path: string, body: unknown): Promise<CommandResult> {
    const result = await this.request<CommandResult>(token, method, path, body);
    this.lastPosition = result.position;
    return result;
  }

  /** A read that waits until the projections hold every write made through this client. */
  query<T>(token: string, path: string): Promise<T> {
    if (this.lastPosition === undefined) return this.request<T>(token, 'GET', path);
    const separator = path.includes('?') ? '&' : '?';
    return this.request<T>(token, 'GET', `${path}${separator}waitFor=${this.lastPosition}`);
  }

  url(path: string): string {
    return new URL(path, this.apiUrl).toString();
  }

  private async request<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiError(
        0,
        `Could not reach the API at ${this.apiUrl} (${causeOf(error)}). Start it first with \`npm start\`, or set PORT (or API_URL) to where it listens.`,
      );
    }
    const text = await response.text();
    const answer = text ? JSON.parse(text) : null;
    if (response.ok) return answer as T;
    const message = answer?.message ?? response.statusText;
    if (response.status === 401) {
      throw new ApiError(
        401,
        `The API refused the demo's token (${message}). The demo signs tokens with the secret in DATA_DIR: run it on the server's machine with the same DATA_DIR as \`npm start\`.`,
      );
    }
    throw new ApiError(response.status, `${method} ${path} answered ${response.status}: ${message}`);
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
