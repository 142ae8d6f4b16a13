import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIpAddrText, parseNetworkctlStatus } from '../../../src/platform/net/linux.js';
import { parseNetshNeighbors } from '../../../src/platform/net/arp.js';
import type { RunTool, RunToolResult } from '../../../src/platform/exec.js';
import { gatherNetworkFacts, readNeighbourTable, type GatherDeps } from '../../../src/probes/net/gather.js';
import { isPresent } from '../../../src/checks/dhcp/headroom.js';
import { linkDnsServers, osResolvers } from '../../../src/site/real.js';

/**
 * The link-state readers issue 10 added, on real recorded outputs (fixtures/platform/PROVENANCE.md), and
 * where they are wired in: `ip addr` text where iproute2 has no -j, `networkctl status` for the DHCP server
 * and the link's own DNS servers behind systemd-resolved's stub, `netsh interface ipv4 show neighbors`
 * where Windows' `arp -a` cannot be read.
 */

const fx = (p: string): string =>
  readFileSync(new URL(`../../../fixtures/platform/${p}`, import.meta.url), 'utf8');

const ok = (stdout: string): RunToolResult => ({ ok: true, stdout, stderr: '', code: 0 });
const missing = (file: string): RunToolResult => ({
  ok: false,
  error: 'NOT_FOUND',
  message: `${file}: not found`,
});

/** A fake runTool: command line -> output; anything else is "not installed". Records what ran. */
function fakeRun(outputs: Record<string, string | RunToolResult>): { run: RunTool; ran: string[] } {
  const ran: string[] = [];
  const run: RunTool = (file, args) => {
    const line = [file, ...args].join(' ');
    ran.push(line);
    const out = outputs[line];
    return Promise.resolve(out === undefined ? missing(file) : typeof out === 'string' ? ok(out) : out);
  };
  return { run, ran };
}

function linuxDeps(outputs: Record<string, string | RunToolResult>): { deps: GatherDeps; ran: string[] } {
  const { run, ran } = fakeRun(outputs);
  return {
    ran,
    deps: {
      platform: 'linux',
      run,
      readText: () => Promise.resolve(null),
      listDir: () => Promise.resolve([]),
      interfaces: () => ({}),
    },
  };
}

describe('ip addr show (text, iproute2 without -j)', () => {
  const addrs = parseIpAddrText(fx('linux/ip-addr-show-ntc.txt'));

  it('reads every IPv4 address with its interface, index, prefix and the kernel dynamic flag', () => {
    expect(addrs.map((a) => `${a.ifindex}:${a.interface} ${a.address}/${a.prefixLength}`)).toEqual([
      '1:lo 127.0.0.1/8',
      '2:ens32 192.168.131.128/24',
      '3:gpd0 10.20.20.12/32',
      '4:br-218f5e637867 172.21.0.1/16',
      '6:brblue 10.0.0.1/24',
      // Listed under brblue with the label "brred": the header says whose address it is.
      '6:brblue 192.168.0.1/25',
    ]);
    expect(addrs.find((a) => a.interface === 'ens32')).toMatchObject({
      dynamic: true,
      validLifetimeSec: 1307,
      up: true,
    });
    expect(addrs.find((a) => a.interface === 'gpd0')).toMatchObject({
      dynamic: false,
      validLifetimeSec: null,
    });
  });

  it('the same shape as the JSON parser: `dynamic` tells a DHCP-set address in the DHCP facts', async () => {
    const { deps, ran } = linuxDeps({
      'ip -j -4 route show': JSON.stringify([
        { dst: 'default', gateway: '192.168.131.2', dev: 'ens32', protocol: 'dhcp', metric: 100 },
      ]),
      // `ip -j` fails on old iproute2 ("Option "-j" is unknown"): a failed run, then the text form.
      'ip -j -4 addr show dev ens32': { ok: false, error: 'FAILED', message: 'Option "-j" is unknown' },
      'ip -4 addr show dev ens32': fx('linux/ip-addr-show-ntc.txt'),
    });
    const f = await gatherNetworkFacts(deps, { timeoutMs: 1000 });
    expect(ran).toContain('ip -4 addr show dev ens32');
    expect(f).toMatchObject({
      interface: 'ens32',
      address: '192.168.131.128',
      prefixLength: 24,
      gateway: '192.168.131.2',
      addressing: 'dhcp',
    });
    expect(f.sources).toContain('ip -4 addr show dev ens32');
  });
});

describe('networkctl status <if> (systemd-networkd)', () => {
  const link = parseNetworkctlStatus(fx('linux/networkctl-status-eth0-amazon-ec2-net-utils.txt'));

  it('reads the link, its DHCP server ("DHCP4 via"), gateway and DNS, not the journal lines after it', () => {
    expect(link).toEqual({
      interface: 'eth0',
      operational: 'routable',
      setup: 'configured',
      address: '10.0.0.114',
      dhcpServer: '10.0.0.1',
      dhcp: true,
      gateway: '10.0.0.1',
      dnsServers: ['10.0.0.2'],
    });
  });

  it('is the DHCP facts’ lease source when networkd’s lease file cannot be read', async () => {
    const { deps, ran } = linuxDeps({
      'ip -j -4 route show': JSON.stringify([{ dst: 'default', gateway: '10.0.0.1', dev: 'eth0' }]),
      'ip -j -4 addr show dev eth0': JSON.stringify([
        {
          ifindex: 2,
          ifname: 'eth0',
          flags: ['UP'],
          addr_info: [{ family: 'inet', local: '10.0.0.114', prefixlen: 24, dynamic: true }],
        },
      ]),
      'networkctl --no-pager -n 0 status eth0': fx('linux/networkctl-status-eth0-amazon-ec2-net-utils.txt'),
    });
    const f = await gatherNetworkFacts(deps, { timeoutMs: 1000 });
    expect(ran).toContain('networkctl --no-pager -n 0 status eth0');
    expect(f).toMatchObject({ addressing: 'dhcp', dhcpServer: '10.0.0.1', dnsServers: ['10.0.0.2'] });
    expect(f.sources).toContain('networkctl status eth0');
  });

  it('gives the site its resolver behind systemd-resolved’s stub: the route interface’s own DNS server', async () => {
    const { run } = fakeRun({
      'networkctl --no-pager -n 0 status eth0': fx('linux/networkctl-status-eth0-amazon-ec2-net-utils.txt'),
    });
    const link = await linkDnsServers('eth0', 1000, run);
    expect(link).toEqual({ servers: ['10.0.0.2'], source: 'networkctl status eth0' });
    // resolved's own resolv.conf lists every link's servers (a VPN's here): the link's one wins.
    const upstream = (): string => 'nameserver 10.8.0.1\nnameserver 10.0.0.2\n';
    expect(osResolvers(upstream, link!.servers, ['127.0.0.53'])).toEqual([
      { ip: '10.0.0.2', port: 53, source: 'os' },
    ]);
    // Without the link's servers, the upstream list as before; without the stub, what the OS says.
    expect(osResolvers(upstream, [], ['127.0.0.53']).map((r) => r.ip)).toEqual(['10.8.0.1', '10.0.0.2']);
    expect(osResolvers(upstream, ['10.0.0.2'], ['192.0.2.53']).map((r) => r.ip)).toEqual(['192.0.2.53']);
  });

  it('falls back to NetworkManager’s view of the link, and to nothing when neither tool knows it', async () => {
    const nm = fakeRun({
      'nmcli -t -f GENERAL.DEVICE,IP4.DNS device show ens33': fx('linux/nmcli-device-show-jc-fedora32.txt'),
    });
    const viaNm = await linkDnsServers('ens33', 1000, nm.run);
    expect(nm.ran[0]).toBe('networkctl --no-pager -n 0 status ens33');
    expect(viaNm).toEqual({ servers: ['75.75.75.75', '75.75.76.76'], source: 'nmcli device show ens33' });
    expect(await linkDnsServers('eth9', 1000, fakeRun({}).run)).toBeNull();
  });
});

describe('netsh interface ipv4 show neighbors (Windows)', () => {
  const entries = parseNetshNeighbors(fx('windows/netsh-int-ipv4-show-neigh-getmac-win10.txt'));

  it('reads each interface’s section with its name; unresolved addresses are not present', () => {
    const eth4 = entries.filter((e) => e.interface === 'Ethernet 4');
    expect(eth4.slice(0, 3)).toEqual([
      { ip: '10.0.0.1', mac: '6a:d7:9a:29:2b:82', interface: 'Ethernet 4', state: 'reachable' },
      { ip: '10.0.0.175', mac: '78:28:ca:c4:66:fe', interface: 'Ethernet 4', state: 'stale' },
      { ip: '10.0.0.187', mac: '5c:aa:fd:5e:49:48', interface: 'Ethernet 4', state: 'stale' },
    ]);
    const vmnet1 = entries.find((e) => e.ip === '192.168.17.1');
    expect(vmnet1).toMatchObject({ interface: 'VMware Network Adapter VMnet1', state: 'incomplete' });
    expect(isPresent(vmnet1!)).toBe(false);
    // Loopback's multicast rows have no MAC at all.
    expect(entries.find((e) => e.interface === 'Loopback Pseudo-Interface 1')).toMatchObject({ mac: null });
    expect(entries.filter(isPresent).map((e) => e.ip)).toContain('10.0.0.198');
  });

  it('is read when arp -a cannot be: the same neighbour table for the DHCP headroom', async () => {
    const { run, ran } = fakeRun({
      'netsh interface ipv4 show neighbors': fx('windows/netsh-int-ipv4-show-neigh-getmac-win10.txt'),
    });
    const deps: GatherDeps = {
      platform: 'win32',
      run,
      readText: () => Promise.resolve(null),
      listDir: () => Promise.resolve([]),
      interfaces: () => ({}),
    };
    const table = await readNeighbourTable(deps, { timeoutMs: 1000 });
    expect(ran).toEqual(['arp -a', 'netsh interface ipv4 show neighbors']);
    expect(table.source).toBe('netsh interface ipv4 show neighbors');
    expect(table.error).toBeNull();
    expect(table.entries.length).toBe(entries.length);

    // An arp -a that reads is used as before, and netsh is not run.
    const arp = fakeRun({ 'arp -a': fx('windows/arp-a-en-getmac-win10-multi-interface.txt') });
    const viaArp = await readNeighbourTable({ ...deps, run: arp.run }, { timeoutMs: 1000 });
    expect(arp.ran).toEqual(['arp -a']);
    expect(viaArp.source).toBe('arp -a');
    expect(viaArp.entries.length).toBeGreaterThan(0);
  });
});
