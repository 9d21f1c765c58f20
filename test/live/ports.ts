/** Free ports for the loopback servers of the live tests, found by binding port 0 and letting go. */
import * as dgram from 'node:dgram';
import * as net from 'node:net';

/** A port free on `address` for each protocol asked (named needs UDP and TCP alike). */
export async function freePort(address: string, protocols: ('tcp' | 'udp')[] = ['tcp']): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await tcpPort(address);
    if (!protocols.includes('udp') || (await udpFree(address, port))) return port;
  }
  throw new Error(`no free port on ${address}`);
}

function tcpPort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, address, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function udpFree(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    s.once('error', () => resolve(false));
    s.bind(port, address, () => s.close(() => resolve(true)));
  });
}
