import { createServer, type Server, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that the test cuts: `refuse` closes every connection at once (as a server that
 * is down answers), `drop` keeps connections open and forwards nothing either way (a partition: packets lost, no
 * reset, so only timeouts can tell), `pass` heals it.
 */
export class TcpProxy {
  private mode: 'pass' | 'refuse' | 'drop' = 'pass';
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = createServer((client) => proxy?.accept(client, targetHost, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new TcpProxy(server, (server.address() as AddressInfo).port);
    return proxy;
  }

  /** `url` with its host and port pointed at this proxy. */
  via(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  refuse(): void {
    this.mode = 'refuse';
    for (const p of this.pairs) {
      p.client.destroy();
      p.upstream.destroy();
    }
  }

  drop(): void {
    this.mode = 'drop';
    // Whatever is in flight is lost: stop reading both ways, and throw away what arrives meanwhile.
    for (const p of this.pairs) {
      p.client.unpipe();
      p.upstream.unpipe();
      p.client.pause();
      p.upstream.pause();
    }
  }

  heal(): void {
    const was = this.mode;
    this.mode = 'pass';
    if (was !== 'drop') return;
    // TCP would retransmit after a partition; sockets whose data was lost mid-statement are what the App must survive.
    for (const p of this.pairs) {
      p.client.pipe(p.upstream);
      p.upstream.pipe(p.client);
      p.client.resume();
      p.upstream.resume();
    }
  }

  async close(): Promise<void> {
    this.refuse();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, host: string, port: number): void {
    if (this.mode === 'refuse') {
      client.destroy();
      return;
    }
    const upstream = connect(port, host);
    const pair = { client, upstream };
    this.pairs.add(pair);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    if (this.mode === 'drop') {
      client.pause();
      return;
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
