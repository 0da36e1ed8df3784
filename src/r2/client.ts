import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type {
  $Command,
  S3Client,
  S3ClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes,
} from '@aws-sdk/client-s3';
import type { BuildMiddleware } from '@smithy/types';
import { s3, s3Presigner } from './sdk';
import { deadline } from './deadline';
import { DirectGets } from './directGet';
import type { EndpointConfig, ResolvedEndpoint } from './endpoint';
import { resolveEndpoint } from './endpoint';
import type { ErrorContext } from './errors';
import { classifyError, R2Error } from './errors';
import type { GetObjectInput } from './objects';
import type { OpenedRange } from './rangeReader';
import type { SignedRequest, SignedResponse } from './signedRequest';
import { KEEP_ALIVE, SignedSender } from './signedRequest';
import type { AbortFailure } from './types';

export interface R2Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface R2ClientOptions {
  endpoint: EndpointConfig;
  credentials: R2Credentials;
  /** Attempts per request including the first; retries back off exponentially. Default 4. */
  maxAttempts?: number;
  /** A request fails when no bytes have moved for this long. Default 30 s. */
  idleTimeoutMs?: number;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  /** Keep-alive sockets per client; parallel multipart parts each hold one. Default 32. */
  maxSockets?: number;
  /**
   * Downloads (downloadFile) send their GETs on connections of their own rather than through
   * node:http, at about half the CPU per byte (directGet.ts). Off by default, because those
   * connections go straight to the endpoint: inside VS Code, node:http and https are patched to
   * follow the user's proxy (http.proxy, the system's proxy settings), and a plain socket is not.
   * So the extension turns it on only where no proxy is configured; and should a direct connection
   * still fail to be made (refused, unreachable, timed out, no such host, a TLS handshake refused,
   * as where a firewall lets only a proxy out), the client sends every GET through node:http from
   * then on, that one included.
   */
  directDownloads?: boolean;
  /**
   * Told of every multipart upload this client failed to abort after a failure or cancellation: its
   * parts stay stored, and the error the caller gets is the original one (or a silent Cancelled).
   */
  onAbortFailed?: (failure: AbortFailure) => void;
  /**
   * Told of every request as it is sent, each attempt of a retried one included, by its S3 operation
   * (`PutObject`, `HeadObject`, ...): for counting requests on the client's side, on any server.
   */
  onRequest?: (operation: string) => void;
}

export const CLIENT_DEFAULTS = {
  maxAttempts: 4,
  idleTimeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxSockets: 32,
} as const;

type S3Command<Input extends ServiceInputTypes, Output extends ServiceOutputTypes> = $Command<
  Input,
  Output,
  S3ClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes
>;

// The SDK warns on the console (e.g. "non-retryable streaming request", where this layer retries
// itself); the extension reports through its own log instead.
const SILENT_LOGGER = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function checkPositiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new R2Error(
      'InvalidArgument',
      { operation: 'createClient' },
      { message: `${name} must be a positive integer.` },
    );
  }
  return value;
}

/** What the SDK's client is built from, kept until it is first needed. */
interface SdkConfig extends R2Credentials {
  connectTimeoutMs: number;
  httpAgent: HttpAgent;
  httpsAgent: HttpAgent;
  onRequest?: (operation: string) => void;
}

function sdkClient(
  endpoint: ResolvedEndpoint,
  maxAttempts: number,
  idleTimeoutMs: number,
  config: SdkConfig,
): S3Client {
  const { accessKeyId, secretAccessKey, connectTimeoutMs, httpAgent, httpsAgent, onRequest } = config;
  const client = new (s3().S3Client)({
    endpoint: endpoint.url,
    forcePathStyle: endpoint.forcePathStyle,
    region: 'auto',
    credentials: { accessKeyId, secretAccessKey },
    // R2 rejected the SDK's default CRC32 headers; Cloudflare's documented fix.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: maxAttempts,
    retryMode: 'standard',
    requestHandler: {
      // An idle (not total) timeout: a multi-gigabyte transfer may take hours but never stalls.
      socketTimeout: idleTimeoutMs,
      connectionTimeout: connectTimeoutMs,
      httpAgent,
      httpsAgent,
    },
    logger: SILENT_LOGGER,
  });
  // See KEEP_ALIVE: the SDK's requests ask for it as the lean ones do.
  client.middlewareStack.add(
    (next) => async (args) => {
      Object.assign((args.request as { headers: Record<string, string> }).headers, KEEP_ALIVE);
      return await next(args);
    },
    { step: 'build', name: 'r2KeepAlive' },
  );
  // The SDK asks for "100 Continue" before any body of 2 MiB or more: the server may refuse the request
  // before the body is sent, for one round trip each. Worth it for a PutObject, which a condition
  // (If-None-Match, If-Match) may refuse; not for a part of an upload that was just created and
  // checked, which nothing refuses for its bytes: there it is a round trip per part on a long link.
  const partsWithoutExpect: BuildMiddleware<ServiceInputTypes, ServiceOutputTypes> =
    (next, context) => async (args) => {
      if (context.commandName === 'UploadPartCommand') {
        delete (args.request as { headers: Record<string, string> }).headers.Expect;
      }
      return await next(args);
    };
  client.middlewareStack.addRelativeTo(partsWithoutExpect, {
    relation: 'after',
    toMiddleware: 'addExpectContinueMiddleware',
    name: 'r2PartsWithoutExpect',
  });
  if (onRequest !== undefined) {
    // The deserialize step runs once per attempt, inside the SDK's retries, just before the send.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        onRequest(context.commandName?.replace(/Command$/, '') ?? 'Unknown');
        return await next(args);
      },
      { step: 'deserialize', priority: 'low', name: 'r2RequestObserver' },
    );
  }
  return client;
}

/**
 * One connection to one S3 endpoint (for R2: one account and jurisdiction). The only object that
 * holds the credentials; they live inside the SDK client and the signer of in-memory requests, in
 * private fields.
 */
export class R2Client {
  readonly endpoint: ResolvedEndpoint;
  /** Also used by this layer's own retries of streamed bodies, which the SDK cannot replay. */
  readonly maxAttempts: number;
  readonly onAbortFailed?: (failure: AbortFailure) => void;
  /** A request fails when no bytes have moved for this long. */
  readonly idleTimeoutMs: number;
  /** Built on first use (see sdk.ts): browsing lists without the SDK. */
  #sdkClient?: S3Client;
  readonly #sdkConfig: SdkConfig;
  readonly #signed: SignedSender;
  readonly #agents: readonly HttpAgent[];
  readonly #direct?: DirectGets;
  #answered = false;

  constructor(options: R2ClientOptions) {
    this.endpoint = resolveEndpoint(options.endpoint);
    const { accessKeyId, secretAccessKey } = options.credentials;
    if (accessKeyId === '' || secretAccessKey === '') {
      throw new R2Error('InvalidCredentials', { operation: 'createClient' });
    }
    this.maxAttempts = checkPositiveInteger('maxAttempts', options.maxAttempts ?? CLIENT_DEFAULTS.maxAttempts);
    this.onAbortFailed = options.onAbortFailed;
    this.idleTimeoutMs = checkPositiveInteger('idleTimeoutMs', options.idleTimeoutMs ?? CLIENT_DEFAULTS.idleTimeoutMs);
    // Agent instances rather than options: the SDK then keeps using them for "Expect: 100-continue"
    // uploads too, instead of opening a fresh connection (a TLS handshake) for every part.
    const agentOptions = {
      keepAlive: true,
      maxSockets: checkPositiveInteger('maxSockets', options.maxSockets ?? CLIENT_DEFAULTS.maxSockets),
    };
    const httpAgent = new HttpAgent(agentOptions);
    const httpsAgent = new HttpsAgent(agentOptions);
    this.#agents = [httpAgent, httpsAgent];
    const connectTimeoutMs = checkPositiveInteger(
      'connectTimeoutMs',
      options.connectTimeoutMs ?? CLIENT_DEFAULTS.connectTimeoutMs,
    );
    const onRequest = options.onRequest;
    this.#sdkConfig = { accessKeyId, secretAccessKey, connectTimeoutMs, httpAgent, httpsAgent, onRequest };
    this.#signed = new SignedSender({
      endpoint: this.endpoint,
      credentials: { accessKeyId, secretAccessKey },
      httpAgent,
      httpsAgent,
      maxAttempts: this.maxAttempts,
      idleTimeoutMs: this.idleTimeoutMs,
      connectTimeoutMs,
      onRequest,
    });
    if (options.directDownloads === true) {
      this.#direct = new DirectGets({
        endpoint: this.endpoint,
        sender: this.#signed,
        connectTimeoutMs,
        idleTimeoutMs: this.idleTimeoutMs,
        maxIdle: agentOptions.maxSockets,
        onRequest,
      });
    }
  }

  /**
   * A signal for one short exchange (a HEAD, a listing page, a small PUT): it fires once the server
   * has had the idle timeout to answer, so the user waits no longer than that setting says, and the
   * request fails as a Timeout that names it. (The SDK's own retries would wait it several times.)
   */
  deadline(): AbortSignal {
    return deadline(this.idleTimeoutMs);
  }

  get #s3(): S3Client {
    this.#sdkClient ??= sdkClient(this.endpoint, this.maxAttempts, this.idleTimeoutMs, this.#sdkConfig);
    return this.#sdkClient;
  }

  /** Sends one command; every failure leaves as a classified R2Error. */
  async send<Input extends ServiceInputTypes, Output extends ServiceOutputTypes>(
    command: S3Command<Input, Output>,
    context: ErrorContext,
    signal: AbortSignal,
  ): Promise<Output> {
    return await this.#heard(async () => {
      try {
        return await this.#s3.send(command, { abortSignal: signal });
      } catch (err) {
        throw classifyError(err, context, signal);
      }
    });
  }

  /**
   * Whether the server has answered any request of this client, with an error status or not. One
   * that has not, and failed to connect, may stand behind a proxy it cannot see (the extension's
   * transfer thread then leaves the endpoint to the main thread, which VS Code proxies).
   */
  get answered(): boolean {
    return this.#answered;
  }

  /** Runs `exchange`, noting an answer: a result `isAnswer` accepts, or a failure with a status. */
  async #heard<T>(exchange: () => Promise<T>, isAnswer: (result: T) => boolean = () => true): Promise<T> {
    try {
      const result = await exchange();
      this.#answered ||= isAnswer(result);
      return result;
    } catch (error) {
      this.#answered ||= error instanceof R2Error && error.status !== undefined;
      throw error;
    }
  }

  /**
   * Sends one request whose body and answer are in memory (a small PUT, a listing) without the SDK
   * (see signedRequest.ts), retried on transient failures like the SDK's; every failure leaves as a
   * classified R2Error.
   */
  async sendInMemory(
    operation: string,
    request: SignedRequest,
    context: ErrorContext,
    signal: AbortSignal,
  ): Promise<SignedResponse> {
    return await this.#heard(() => this.#signed.send(operation, request, context, signal));
  }

  /**
   * A download's GET sent on a direct connection (directGet.ts), its head read; undefined when this
   * client sends it through the SDK (directDownloads off, or fallen back).
   */
  async getDirect(input: GetObjectInput, signal: AbortSignal): Promise<OpenedRange | undefined> {
    // Undefined: not sent this way, or its connection could not be made. Neither is an answer.
    return await this.#heard(
      async () => await this.#direct?.get(input, signal),
      (opened) => opened !== undefined,
    );
  }

  /** Whether downloads still go on direct connections (see R2ClientOptions.directDownloads). */
  get directDownloads(): boolean {
    return this.#direct?.on ?? false;
  }

  /** Signs a URL locally, without a request. `signedHeaders` must then be sent as signed. */
  async presign<Input extends ServiceInputTypes, Output extends ServiceOutputTypes>(
    command: S3Command<Input, Output>,
    expiresInSeconds: number,
    signedHeaders: ReadonlySet<string>,
  ): Promise<string> {
    return await s3Presigner().getSignedUrl(this.#s3, command, {
      expiresIn: expiresInSeconds,
      signableHeaders: new Set(signedHeaders),
    });
  }

  /**
   * For a client replaced by another: the requests running on it finish, and so do any its holders
   * still start, but each connection closes once its request is done instead of waiting for the
   * next. (`destroy()` would cut the transfers still using it.)
   */
  retire(): void {
    for (const agent of this.#agents) {
      // Node closes a freed socket, instead of keeping it, when this answers false.
      agent.keepSocketAlive = () => false;
      for (const idle of Object.values(agent.freeSockets)) {
        idle?.forEach((socket) => socket.destroy());
      }
    }
    this.#direct?.retire();
  }

  /** Closes every connection now, cutting the requests still running. */
  destroy(): void {
    this.#sdkClient?.destroy();
    for (const agent of this.#agents) {
      agent.destroy();
    }
    this.#direct?.destroy();
  }
}
