import fc from 'fast-check';

/** Who sends a request: one of the fuzz's users by name, nobody, or a credential that must be refused. */
export interface Credential {
  readonly who: string;
  readonly via: 'bearer' | 'cookie';
  /** The text sent instead of a user's token (forged, malformed, signed with another key). */
  readonly forged?: string;
}

export interface FuzzBody {
  readonly contentType: string | null;
  readonly payload: string | Buffer;
}

/** One generated request, exactly as it goes on the wire but for the caller's token, which is looked up when it is sent. */
export interface FuzzRequest {
  readonly operation: string;
  readonly credential: Credential;
  readonly method: string;
  /** Path and query, percent-encoded as sent. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: FuzzBody | null;
}

/** Long runs of one character shown as `<'x' × 100001>`, so that a counter-example stays readable. */
const abbreviated = (text: string) => text.replace(/(.)\1{31,}/gsu, (run, character: string) => `<${JSON.stringify(character)} × ${[...run].length}>`);

const credentialLine = ({ who, via, forged }: Credential) => {
  if (who === 'anonymous') return 'nobody (no credential)';
  const token = forged === undefined ? `the token of ${who}` : `the forged text ${abbreviated(JSON.stringify(forged))}`;
  return via === 'bearer' ? `Authorization: Bearer ${token}` : `Cookie: reform_session=${token}`;
};

const bodyLine = (body: FuzzBody | null) => {
  if (!body) return 'none';
  const payload = typeof body.payload === 'string' ? abbreviated(JSON.stringify(body.payload)) : `bytes ${body.payload.toString('hex')}`;
  return `${payload} (Content-Type: ${body.contentType ?? 'none'})`;
};

/** How a counter-example reads in the report: everything needed to send it again by hand. */
export function renderRequest(request: FuzzRequest): string {
  return [
    `${request.method} ${abbreviated(request.target)}`,
    `  as      ${credentialLine(request.credential)}`,
    `  headers ${abbreviated(JSON.stringify(request.headers))}`,
    `  body    ${bodyLine(request.body)}`,
  ].join('\n');
}

/** Gives a generated request the rendering above wherever fast-check prints it. */
export const printable = (request: FuzzRequest): FuzzRequest => Object.assign(request, { [fc.toStringMethod]: () => `\n${renderRequest(request)}\n` });
